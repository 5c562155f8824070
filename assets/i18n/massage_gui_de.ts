<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AboutRoutinesDialog</name>
    <message>
        <source>The built-in routines follow the order in which self-lymphatic drainage (SLD) of the face and neck is usually taught. They are a composite of the sources below, not one clinic&apos;s plan: if a lymphoedema therapist gave you a plan, follow that plan. After cancer treatment of the head or neck, your therapist may send fluid another way (for example toward the armpits).</source>
        <translation>Die mitgelieferten Routinen folgen der Reihenfolge, in der die Selbst-Lymphdrainage von Gesicht und Hals meist gelehrt wird. Sie fassen die Quellen unten zusammen und sind nicht der Plan einer bestimmten Praxis: Hat dir deine Lymphtherapeutin oder dein Lymphtherapeut einen Plan gegeben, folge diesem Plan. Nach einer Krebsbehandlung an Kopf oder Hals leitet deine Lymphtherapeutin oder dein Lymphtherapeut die Flüssigkeit vielleicht auf einem anderen Weg ab (zum Beispiel Richtung Achseln).</translation>
    </message>
    <message>
        <source>&lt;b&gt;Breathing first and last.&lt;/b&gt; Slow belly breathing before and after the massage (International consensus, Lymphoedema Framework 2006; Macmillan Cancer Support).</source>
        <translation>&lt;b&gt;Zuerst und zuletzt atmen.&lt;/b&gt; Langsame Bauchatmung vor und nach der Massage (International consensus, Lymphoedema Framework 2006; Macmillan Cancer Support).</translation>
    </message>
    <message>
        <source>&lt;b&gt;Clear the outlets first.&lt;/b&gt; The hollow above the collarbone, then the neck from low to high, then in front of and under the ear and jaw: “we clear closest to the heart, and gradually work away” (MD Anderson Cancer Center, self-MLD teaching).</source>
        <translation>&lt;b&gt;Mach zuerst die Abflüsse frei.&lt;/b&gt; Die Grube über dem Schlüsselbein, dann den Hals von unten nach oben, dann vor und unter Ohr und Kiefer: „wir machen zuerst nah am Herzen frei und arbeiten uns nach und nach davon weg“ (MD Anderson Cancer Center, Anleitung zur Selbst-MLD).</translation>
    </message>
    <message>
        <source>&lt;b&gt;Then the face, from the nodes outward:&lt;/b&gt; jaw and chin, upper lip, beside the nose and the cheeks, under the eyes, the temples, the forehead, each stroked toward the nodes it drains to (Gray&apos;s Anatomy drainage territories; Elsevier anatomy notes on the facial, submandibular and parotid nodes).</source>
        <translation>&lt;b&gt;Dann das Gesicht, von den Lymphknoten nach außen:&lt;/b&gt; Kiefer und Kinn, Oberlippe, neben der Nase und die Wangen, unter den Augen, die Schläfen, die Stirn, jeweils zu den Lymphknoten hin, in die sie abfließen (Abflussgebiete nach Gray&apos;s Anatomy; Elsevier-Anatomie zu den fazialen, submandibulären und parotidealen Lymphknoten).</translation>
    </message>
    <message>
        <source>&lt;b&gt;Finish by repeating the first clearing steps&lt;/b&gt; (St Margaret&apos;s Hospice SLD leaflet).</source>
        <translation>&lt;b&gt;Wiederhole zum Schluss die ersten Schritte, die die Abflüsse frei machen&lt;/b&gt; (SLD-Merkblatt des St Margaret&apos;s Hospice).</translation>
    </message>
    <message>
        <source>&lt;b&gt;5 to 7 strokes at each spot, then move your hands on.&lt;/b&gt; Rest flat fingers on one spot, stretch the skin a short way toward the node and let it spring back; after 5 to 7 strokes, move your hands on, further from the node. The spot nearest the node comes first, so the way is clear before fluid is sent into it (One River Massage: “5-7 strokes in each position”; Lymphoedema Network Northern Ireland: 5, then move your hands lower until the whole neck is covered; St Margaret&apos;s Hospice: 5 to 10).</source>
        <translation>&lt;b&gt;5 bis 7 Griffe an jeder Stelle, dann setz die Hände weiter.&lt;/b&gt; Leg die Finger flach auf eine Stelle, dehne die Haut ein kurzes Stück zum Lymphknoten hin und lass sie zurückfedern; nach 5 bis 7 Griffen setzt du die Hände weiter vom Lymphknoten entfernt wieder auf. Die Stelle, die dem Lymphknoten am nächsten ist, kommt zuerst, damit der Weg frei ist, bevor du Flüssigkeit dorthin schiebst (One River Massage: „5–7 Griffe in jeder Position“; Lymphoedema Network Northern Ireland: 5, dann die Hände tiefer aufsetzen, bis der ganze Hals bedeckt ist; St Margaret&apos;s Hospice: 5 bis 10).</translation>
    </message>
    <message>
        <source>&lt;b&gt;10 to 15 strokes in the collarbone hollow&lt;/b&gt;, which is one spot (MD Anderson: 15 slow strokes there, “about two seconds” each).</source>
        <translation>&lt;b&gt;10 bis 15 Griffe in der Schlüsselbeingrube&lt;/b&gt;, die nur eine Stelle hat (MD Anderson: dort 15 langsame Griffe, jeder „etwa zwei Sekunden“ lang).</translation>
    </message>
    <message>
        <source>&lt;b&gt;The neck in three spots, from low to high&lt;/b&gt; (Hands On Clinic: three positions on the neck).</source>
        <translation>&lt;b&gt;Der Hals an drei Stellen, von unten nach oben&lt;/b&gt; (Hands On Clinic: drei Positionen am Hals).</translation>
    </message>
    <message>
        <source>&lt;b&gt;Longer routines work more spots and areas, never more strokes on one spot.&lt;/b&gt; The Thorough routine also clears the neck again between the lower and the upper face: “keep returning to empty the nodes” (lymph.org.uk, Fill and Flush SLD leaflets).</source>
        <translation>&lt;b&gt;Längere Routinen arbeiten an mehr Stellen und Bereichen, nie mit mehr Griffen an einer Stelle.&lt;/b&gt; Die Routine „Gründlich“ macht außerdem zwischen unterem und oberem Gesicht den Hals noch einmal frei: „immer wieder zurückkehren, um die Lymphknoten zu leeren“ (lymph.org.uk, SLD-Merkblätter „Fill and Flush“).</translation>
    </message>
    <message>
        <source>&lt;b&gt;The sweep&lt;/b&gt; on the forehead moves the skin slowly a little further; your fingers do not slide over the skin (Hands On Clinic: “Your hand should be flat and not slide over the skin”).</source>
        <translation>&lt;b&gt;Das Streichen&lt;/b&gt; an der Stirn verschiebt die Haut langsam ein Stück weiter; deine Finger rutschen dabei nicht über die Haut (Hands On Clinic: „Die Hand soll flach liegen und nicht über die Haut rutschen“).</translation>
    </message>
    <message>
        <source>&lt;b&gt;Our own choices&lt;/b&gt;, not from a leaflet: how many spots each area has, the order of the face areas after the jaw, and slower strokes under the eyes.</source>
        <translation>&lt;b&gt;Unsere eigene Wahl&lt;/b&gt;, nicht aus einem Merkblatt: wie viele Stellen jeder Bereich hat, die Reihenfolge der Gesichtsbereiche nach dem Kiefer und langsamere Griffe unter den Augen.</translation>
    </message>
    <message>
        <source>About 2 seconds a stroke by default, which you can change from 1 to 4: patient teaching is slower than a therapist&apos;s 1-second rhythm (MD Anderson: “very slowly, about two seconds”; Vodder&apos;s classic 1-second rhythm with 5 to 7 repetitions in one place, Springer MLD chapter).</source>
        <translation>Etwa 2 Sekunden pro Griff als Vorgabe, einstellbar von 1 bis 4: Für die Selbstanwendung wird langsamer gelehrt als der 1-Sekunden-Rhythmus, in dem Lymphtherapeutinnen und Lymphtherapeuten arbeiten (MD Anderson: „sehr langsam, etwa zwei Sekunden“; Vodders klassischer 1-Sekunden-Rhythmus mit 5 bis 7 Wiederholungen an einer Stelle, MLD-Kapitel bei Springer).</translation>
    </message>
    <message>
        <source>Skin only, about the weight of your hand; the skin should not go red (Hands On Clinic; One River Massage; International consensus).</source>
        <translation>Nur die Haut, etwa mit dem Gewicht deiner Hand; die Haut soll nicht rot werden (Hands On Clinic; One River Massage; International consensus).</translation>
    </message>
    <message>
        <source>15 to 20 minutes, once or twice a day, is what hospices often teach for SLD (Woodlands Hospice; St Margaret&apos;s Hospice): at the default pace the Thorough routine takes about {minutes} minutes.</source>
        <translation>15 bis 20 Minuten, ein- oder zweimal am Tag, empfehlen Hospize oft für die Selbst-Lymphdrainage (Woodlands Hospice; St Margaret&apos;s Hospice): Im voreingestellten Tempo dauert die Routine „Gründlich“ etwa {minutes} Minuten.</translation>
    </message>
    <message>
        <source>We found no trial of self-massage on the healthy face. There is no good evidence that lymphatic massage changes skin oil (sebum), removes “toxins” or boosts immunity, and this app does not claim it. On a healthy face, any effect on morning puffiness is likely small and short-lived.</source>
        <translation>Wir haben keine Studie zur Selbstmassage am gesunden Gesicht gefunden. Es gibt keine guten Belege, dass Lymphdrainage den Talg (das Hautfett) verändert, „Giftstoffe“ entfernt oder das Immunsystem stärkt, und diese App behauptet das auch nicht. Ist ein gesundes Gesicht morgens verquollen, hilft sie wahrscheinlich nur wenig und nur kurz.</translation>
    </message>
    <message>
        <source>What self-massage does not do</source>
        <translation>Was die Selbstmassage nicht kann</translation>
    </message>
    <message>
        <source>About the routines</source>
        <translation>Über die Routinen</translation>
    </message>
    <message>
        <source>The order</source>
        <translation>Die Reihenfolge</translation>
    </message>
    <message>
        <source>One spot at a time</source>
        <translation>Eine Stelle nach der anderen</translation>
    </message>
    <message>
        <source>The node groups on the diagram</source>
        <translation>Die Lymphknotengruppen im Schaubild</translation>
    </message>
    <message>
        <source>The pace and the pressure</source>
        <translation>Tempo und Druck</translation>
    </message>
</context>
<context>
    <name>Accessibility</name>
    <message>
        <source>More tools</source>
        <translation>Weitere Werkzeuge</translation>
    </message>
    <message>
        <source>More menus</source>
        <translation>Weitere Menüs</translation>
    </message>
</context>
<context>
    <name>AppState</name>
    <message>
        <source>Every step of “{name}” is in a skipped area: nothing is left to do. Bring back at least one area.</source>
        <translation>Jeder Schritt von „{name}“ liegt in einem ausgelassenen Bereich: Es bleibt nichts zu tun. Nimm mindestens einen Bereich wieder dazu.</translation>
    </message>
    <message>
        <source>Please read the safety information and confirm it first (F1).</source>
        <translation>Bitte lies zuerst die Sicherheitshinweise und bestätige sie (F1).</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <source>Lymphatic self-massage</source>
        <translation>Lymph-Selbstmassage</translation>
    </message>
</context>
<context>
    <name>CalendarHeatmap</name>
    <message>
        <source>Calendar of the last six months</source>
        <translation>Kalender der letzten sechs Monate</translation>
    </message>
    <message>
        <source>Each square is a day; the darker, the more minutes. Hover a day for details.</source>
        <translation>Jedes Kästchen ist ein Tag; je dunkler, desto mehr Minuten. Zeig mit der Maus auf einen Tag, um mehr zu sehen.</translation>
    </message>
    <message>
        <source>Massage on {active} of the last {total} days.</source>
        <translation>Massage an {active} der letzten {total} Tage.</translation>
    </message>
    <message>
        <source>no massage</source>
        <translation>keine Massage</translation>
    </message>
    <message>
        <source>under a minute</source>
        <translation>unter einer Minute</translation>
    </message>
    <message>
        <source>1 minute</source>
        <translation>1 Minute</translation>
    </message>
    <message>
        <source>{count} minutes</source>
        <translation>{count} Minuten</translation>
    </message>
    <message>
        <source>ddd d MMM yyyy</source>
        <comment>a day in the calendar&apos;s tooltip, a QLocale date format: keep the letters</comment>
        <translation>ddd, d. MMM yyyy</translation>
    </message>
    <message>
        <source>MMM yyyy</source>
        <comment>a month and its year, a QLocale format</comment>
        <translation>MMM yyyy</translation>
    </message>
    <message>
        <source>More</source>
        <translation>Mehr</translation>
    </message>
    <message>
        <source>Less</source>
        <translation>Weniger</translation>
    </message>
    <message>
        <source>{day}: {minutes}</source>
        <translation>{day}: {minutes}</translation>
    </message>
</context>
<context>
    <name>CompactWindow</name>
    <message>
        <source>Massage: compact</source>
        <translation>Massage: kompakt</translation>
    </message>
    <message>
        <source>Compact session window</source>
        <translation>Kompaktes Sitzungsfenster</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Space to start</source>
        <translation>Leertaste: Start</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>pausiert</translation>
    </message>
    <message>
        <source>of {reps}</source>
        <translation>von {reps}</translation>
    </message>
    <message>
        <source>next</source>
        <translation>gleich</translation>
    </message>
</context>
<context>
    <name>CuePlayer</name>
    <message>
        <source>Sound is not loaded yet.</source>
        <translation>Der Ton ist noch nicht geladen.</translation>
    </message>
    <message>
        <source>Spoken cues are not loaded yet.</source>
        <translation>Die Sprachansagen sind noch nicht geladen.</translation>
    </message>
    <message>
        <source>Sound is off: Qt&apos;s multimedia module could not load ({error}).</source>
        <translation>Ton ist aus: Das Multimedia-Modul von Qt ließ sich nicht laden ({error}).</translation>
    </message>
    <message>
        <source>Sound is off: no audio output device was found.</source>
        <translation>Ton ist aus: Es wurde kein Audio-Ausgabegerät gefunden.</translation>
    </message>
    <message>
        <source>Sound is off: PulseAudio&apos;s library could not load ({error}).</source>
        <translation>Ton ist aus: Die Bibliothek von PulseAudio konnte nicht geladen werden ({error}).</translation>
    </message>
    <message>
        <source>Sound is off: a sound file could not be read ({error}).</source>
        <translation>Ton ist aus: Eine Tondatei konnte nicht gelesen werden ({error}).</translation>
    </message>
    <message>
        <source>Sound is starting…</source>
        <translation>Der Ton startet…</translation>
    </message>
    <message>
        <source>Sound is on ({device}).</source>
        <translation>Ton ist an ({device}).</translation>
    </message>
    <message>
        <source>no answer within {seconds} s</source>
        <translation>keine Antwort innerhalb von {seconds} s</translation>
    </message>
    <message>
        <source>Sound is off: the sound server did not answer ({error}).</source>
        <translation>Ton ist aus: Der Tonserver hat nicht geantwortet ({error}).</translation>
    </message>
    <message>
        <source>Sound is off: {variable} is {value!r}; it can be pulse or qt.</source>
        <translation>Ton ist aus: {variable} ist {value!r}; möglich sind pulse und qt.</translation>
    </message>
    <message>
        <source>It is tried again when a session starts.</source>
        <translation>Beim Start der nächsten Sitzung wird es noch einmal versucht.</translation>
    </message>
    <message>
        <source>Spoken cues are off: Qt&apos;s speech module could not load ({error}).</source>
        <translation>Sprachansagen sind aus: Das Sprachmodul von Qt ließ sich nicht laden ({error}).</translation>
    </message>
    <message>
        <source>Spoken cues are starting…</source>
        <translation>Die Sprachansagen starten…</translation>
    </message>
    <message>
        <source>No speech engine found. Install speech-dispatcher to hear spoken cues.</source>
        <translation>Keine Sprachausgabe gefunden. Installiere speech-dispatcher, um die Sprachansagen zu hören.</translation>
    </message>
    <message>
        <source>The speech engine has no voices. Install one (for example speech-dispatcher-espeak-ng) to hear spoken cues.</source>
        <translation>Die Sprachausgabe hat keine Stimmen. Installiere eine (zum Beispiel speech-dispatcher-espeak-ng), um die Sprachansagen zu hören.</translation>
    </message>
    <message>
        <source>The speech engine did not answer: spoken cues are off.</source>
        <translation>Die Sprachausgabe hat nicht geantwortet: Sprachansagen sind aus.</translation>
    </message>
    <message>
        <source>The speech engine stopped answering: spoken cues are off.</source>
        <translation>Die Sprachausgabe antwortet nicht mehr: Sprachansagen sind aus.</translation>
    </message>
    <message>
        <source>The speech engine could not start: spoken cues are off.</source>
        <translation>Die Sprachausgabe ließ sich nicht starten: Sprachansagen sind aus.</translation>
    </message>
    <message>
        <source>Sound stopped: a sound could not be played ({error}).</source>
        <translation>Ton ist aus: Ein Ton konnte nicht abgespielt werden ({error}).</translation>
    </message>
    <message>
        <source>Spoken cues are on ({engine}).</source>
        <translation>Sprachansagen sind an ({engine}).</translation>
    </message>
    <message>
        <source>The speech engine has no voice for this language.</source>
        <translation>Die Sprachausgabe hat keine deutsche Stimme.</translation>
    </message>
</context>
<context>
    <name>DebouncedSaver</name>
    <message>
        <source>Could not save: {error}</source>
        <translation>Speichern fehlgeschlagen: {error}</translation>
    </message>
</context>
<context>
    <name>DiaryDialog</name>
    <message>
        <source>Swelling diary</source>
        <translation>Schwellungstagebuch</translation>
    </message>
    <message>
        <source>Edit diary entry</source>
        <translation>Tagebucheintrag ändern</translation>
    </message>
    <message>
        <source>How do the swelling and tightness feel now?</source>
        <translation>Wie fühlen sich Schwellung und Spannung gerade an?</translation>
    </message>
    <message>
        <source>Diary entry</source>
        <translation>Tagebucheintrag</translation>
    </message>
    <message>
        <source>last: {value}</source>
        <translation>zuletzt: {value}</translation>
    </message>
    <message>
        <source>cm</source>
        <translation>cm</translation>
    </message>
    <message>
        <source>Tape measurements (optional, in centimetres)</source>
        <translation>Maßband-Messungen (freiwillig, in Zentimetern)</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Anything you want to tell your therapist (optional)</source>
        <translation>Was du deiner Therapeutin oder deinem Therapeuten sagen möchtest (freiwillig)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Auslassen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Close without saving (Esc)</source>
        <translation>Schließen, ohne zu speichern (Esc)</translation>
    </message>
    <message>
        <source>Save this entry (Ctrl+Enter)</source>
        <translation>Diesen Eintrag speichern (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Discard changes?</source>
        <translation>Änderungen verwerfen?</translation>
    </message>
    <message>
        <source>This diary entry has not been saved. Discard what you entered?</source>
        <translation>Dieser Tagebucheintrag ist nicht gespeichert. Verwerfen, was du eingegeben hast?</translation>
    </message>
    <message>
        <source>Your changes to this diary entry have not been saved. Discard them?</source>
        <translation>Deine Änderungen an diesem Tagebucheintrag sind nicht gespeichert. Verwerfen?</translation>
    </message>
    <message>
        <source>{field}: not chosen yet. Click its scale at the number that fits (0 none, 10 the worst), or type the number in the box beside it.</source>
        <translation>{field}: noch nicht gewählt. Klick auf der Skala die passende Zahl an (0 keine, 10 am schlimmsten) oder tippe sie in das Feld daneben.</translation>
    </message>
    <message>
        <source>This entry was deleted meanwhile.</source>
        <translation>Dieser Eintrag wurde inzwischen gelöscht.</translation>
    </message>
</context>
<context>
    <name>DiaryDrafts</name>
    <message>
        <source>The diary entry you were writing when the app was closed is open again.</source>
        <translation>Der Tagebucheintrag, an dem du geschrieben hast, als die App beendet wurde, ist wieder geöffnet.</translation>
    </message>
</context>
<context>
    <name>DiaryPage</name>
    <message>
        <source>Diary entries</source>
        <translation>Tagebucheinträge</translation>
    </message>
    <message>
        <source>Every diary entry, newest first. Double-click one to change it.</source>
        <translation>Alle Tagebucheinträge, die neuesten zuerst. Doppelklicke auf einen, um ihn zu ändern.</translation>
    </message>
    <message>
        <source>New entry…</source>
        <translation>Neuer Eintrag …</translation>
    </message>
    <message>
        <source>Note how the swelling and tightness feel now</source>
        <translation>Notiere, wie sich Schwellung und Spannung gerade anfühlen</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>Ändern …</translation>
    </message>
    <message>
        <source>Change the selected entry</source>
        <translation>Den ausgewählten Eintrag ändern</translation>
    </message>
    <message>
        <source>Delete entry…</source>
        <translation>Eintrag löschen …</translation>
    </message>
    <message>
        <source>Delete the selected entry (Delete)</source>
        <translation>Den ausgewählten Eintrag löschen (Entf)</translation>
    </message>
    <message>
        <source>Saved the diary entry.</source>
        <translation>Der Tagebucheintrag ist gespeichert.</translation>
    </message>
    <message>
        <source>Changed the diary entry.</source>
        <translation>Der Tagebucheintrag ist geändert.</translation>
    </message>
    <message>
        <source>Delete diary entry</source>
        <translation>Tagebucheintrag löschen</translation>
    </message>
    <message>
        <source>Delete this diary entry? This cannot be undone.</source>
        <translation>Diesen Tagebucheintrag löschen? Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <source>Cannot delete</source>
        <translation>Löschen nicht möglich</translation>
    </message>
    <message>
        <source>Deleted one diary entry.</source>
        <translation>Ein Tagebucheintrag ist gelöscht.</translation>
    </message>
</context>
<context>
    <name>DiaryTableModel</name>
    <message>
        <source>Noted</source>
        <translation>Notiert</translation>
    </message>
    <message>
        <source>Swelling</source>
        <translation>Schwellung</translation>
    </message>
    <message>
        <source>Tightness</source>
        <translation>Spannung</translation>
    </message>
    <message>
        <source>Measured</source>
        <translation>Gemessen</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>neck {cm}</source>
        <translation>Hals {cm}</translation>
    </message>
    <message>
        <source>ear to ear {cm}</source>
        <translation>Ohr zu Ohr {cm}</translation>
    </message>
    <message>
        <source>mouth L {cm}</source>
        <translation>Mund L {cm}</translation>
    </message>
    <message>
        <source>mouth R {cm}</source>
        <translation>Mund R {cm}</translation>
    </message>
</context>
<context>
    <name>FaceView</name>
    <message>
        <source>Face and neck diagram</source>
        <translation>Schaubild von Gesicht und Hals</translation>
    </message>
    <message>
        <source>The stroke, moving</source>
        <translation>Der Griff, in Bewegung</translation>
    </message>
    <message>
        <source>Space to resume</source>
        <translation>Leertaste: weiter</translation>
    </message>
    <message>
        <source>Get ready</source>
        <translation>Mach dich bereit</translation>
    </message>
    <message>
        <source>{area}, your {side} side: click to bring it back (Shift+click: both sides)</source>
        <translation>{area}, {side}: klicken, um es wieder aufzunehmen (Umschalt+Klick: beide Seiten)</translation>
    </message>
    <message>
        <source>{area}, your {side} side: click to skip it (Shift+click: both sides)</source>
        <translation>{area}, {side}: klicken, um es auszulassen (Umschalt+Klick: beide Seiten)</translation>
    </message>
    <message>
        <source>Routine finished</source>
        <translation>Routine beendet</translation>
    </message>
    <message>
        <source>{area}: {stroke}, stroke {rep} of {reps}</source>
        <translation>{area}: {stroke}, Griff {rep} von {reps}</translation>
    </message>
    <message>
        <source>Next: {area}</source>
        <translation>Als Nächstes: {area}</translation>
    </message>
</context>
<context>
    <name>FavouritesDialog</name>
    <message>
        <source>Favourites</source>
        <translation>Favoriten</translation>
    </message>
    <message>
        <source>Saved routines</source>
        <translation>Gespeicherte Routinen</translation>
    </message>
    <message>
        <source>No favourites yet. Use Routine &gt; Save as favourite, or import a routine file.</source>
        <translation>Noch keine Favoriten. Nutze Routine &gt; Als Favorit speichern, oder importiere eine Routinedatei.</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Undo the delete</source>
        <translation>Löschen rückgängig machen</translation>
    </message>
    <message>
        <source>Bring the deleted routine back (Ctrl+Z)</source>
        <translation>Die gelöschte Routine zurückholen (Strg+Z)</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Start this routine</source>
        <translation>Diese Routine starten</translation>
    </message>
    <message>
        <source>Star</source>
        <translation>Markieren</translation>
    </message>
    <message>
        <source>Star or unstar</source>
        <translation>Markieren oder Markierung entfernen</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Umbenennen…</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Umbenennen</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplizieren</translation>
    </message>
    <message>
        <source>Make a copy</source>
        <translation>Eine Kopie anlegen</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Delete (you can undo)</source>
        <translation>Löschen (lässt sich rückgängig machen)</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <source>Move up the list</source>
        <translation>In der Liste nach oben</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <source>Move down the list</source>
        <translation>In der Liste nach unten</translation>
    </message>
    <message>
        <source>all skipped</source>
        <translation>alles ausgelassen</translation>
    </message>
    <message>
        <source>Unstar</source>
        <translation>Markierung weg</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Neuer Name:</translation>
    </message>
    <message>
        <source>Deleted “{name}”.</source>
        <translation>„{name}“ gelöscht.</translation>
    </message>
</context>
<context>
    <name>Handout</name>
    <message>
        <source>{time} min at {pace} s a stroke, 1 step</source>
        <translation>{time} min bei {pace} s pro Griff, 1 Schritt</translation>
    </message>
    <message>
        <source>{time} min at {pace} s a stroke, {count} steps</source>
        <translation>{time} min bei {pace} s pro Griff, {count} Schritte</translation>
    </message>
    <message>
        <source>Skipped: {areas}.</source>
        <translation>Ausgelassen: {areas}.</translation>
    </message>
    <message>
        <source>More strokes on: {areas}.</source>
        <translation>Mehr Griffe bei: {areas}.</translation>
    </message>
    <message>
        <source>The drawings are as in a mirror: your right side is on the right.</source>
        <translation>Die Zeichnungen sind wie im Spiegel: Deine rechte Seite ist rechts.</translation>
    </message>
    <message>
        <source>The drawings face you: your right side is on the left.</source>
        <translation>Die Zeichnungen schauen dich an: Deine rechte Seite ist links.</translation>
    </message>
    <message>
        <source>Never press or rub where you feel the pulse of the neck artery, below the angle of the jaw: the dashed circle with a cross in the drawings.</source>
        <translation>Drück oder reib nie dort, wo du unterhalb des Kieferwinkels den Puls der Halsschlagader fühlst: der gestrichelte Kreis mit Kreuz in den Zeichnungen.</translation>
    </message>
    <message>
        <source>How to read the drawings</source>
        <translation>So liest du die Zeichnungen</translation>
    </message>
    <message>
        <source>Shaded: the area you work in this step. Hatched: an area you skip.</source>
        <translation>Grau hinterlegt: der Bereich, den du in diesem Schritt massierst. Schraffiert: ein Bereich, den du auslässt.</translation>
    </message>
    <message>
        <source>Fingers: where your hands rest. Numbered when they move on: start at 1, nearest the node, then move them further away.</source>
        <translation>Finger: wo deine Hände liegen. Nummeriert, wenn sie weiterwandern: Fang bei 1 an, am nächsten beim Lymphknoten, und wandere dann weiter weg.</translation>
    </message>
    <message>
        <source>Arrow: which way to move the skin. Ring: the node group the fluid goes to.</source>
        <translation>Pfeil: in welche Richtung du die Haut bewegst. Ring: die Lymphknotengruppe, zu der die Flüssigkeit fließt.</translation>
    </message>
    <message>
        <source>Dashed circle with a cross: never press there.</source>
        <translation>Gestrichelter Kreis mit Kreuz: Dort nie drücken.</translation>
    </message>
    <message>
        <source>The node groups</source>
        <translation>Die Lymphknotengruppen</translation>
    </message>
    <message>
        <source>Toward: {node}, on the other side (across the middle)</source>
        <translation>Richtung: {node}, auf der anderen Seite (über die Mitte)</translation>
    </message>
    <message>
        <source>Toward: {node} (down over the collarbone)</source>
        <translation>Richtung: {node} (über das Schlüsselbein nach unten)</translation>
    </message>
    <message>
        <source>Toward: {node}</source>
        <translation>Richtung: {node}</translation>
    </message>
    <message>
        <source>{reps} slow breaths, {time}</source>
        <translation>{reps} langsame Atemzüge, {time}</translation>
    </message>
    <message>
        <source>1 stroke, {time}</source>
        <translation>1 Griff, {time}</translation>
    </message>
    <message>
        <source>{reps} strokes, {time}</source>
        <translation>{reps} Griffe, {time}</translation>
    </message>
    <message>
        <source>{positions} positions × {strokes} strokes, {time}</source>
        <translation>{positions} Positionen × {strokes} Griffe, {time}</translation>
    </message>
    <message>
        <source>{positions} positions, {shares} strokes, {time}</source>
        <translation>{positions} Positionen, {shares} Griffe, {time}</translation>
    </message>
    <message>
        <source>“{cue}”</source>
        <translation>„{cue}“</translation>
    </message>
    <message>
        <source>Neck: skin only. Never press on the pulse below the jaw.</source>
        <translation>Hals: nur die Haut. Drück nie dort, wo du unter dem Kiefer den Puls fühlst.</translation>
    </message>
    <message>
        <source>{routine}: step {first}</source>
        <translation>{routine}: Schritt {first}</translation>
    </message>
    <message>
        <source>{routine}: steps {first} to {last}</source>
        <translation>{routine}: Schritte {first} bis {last}</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>Seite {page} von {pages}</translation>
    </message>
    <message>
        <source>Printed by massage-gui. Keep it with your therapist&apos;s own plan.</source>
        <translation>Gedruckt mit massage-gui. Heb das Blatt zusammen mit dem Plan deiner Therapeutin oder deines Therapeuten auf.</translation>
    </message>
    <message>
        <source>Print the routine</source>
        <translation>Routine drucken</translation>
    </message>
    <message>
        <source>Cannot print</source>
        <translation>Drucken nicht möglich</translation>
    </message>
    <message>
        <source>Sent “{name}” to the printer.</source>
        <translation>„{name}“ an den Drucker geschickt.</translation>
    </message>
    <message>
        <source>Saved the handout as {path}.</source>
        <translation>Übungsblatt gespeichert als {path}.</translation>
    </message>
</context>
<context>
    <name>HandsFree</name>
    <message>
        <source>The step panel flashes instead of each sound.</source>
        <translation>Die Schrittanzeige blinkt statt jedes Tons.</translation>
    </message>
</context>
<context>
    <name>HistoryRecorderBridge</name>
    <message>
        <source>The session history could not be saved: {error}</source>
        <translation>Der Sitzungsverlauf konnte nicht gespeichert werden: {error}</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>ddd d MMM yyyy, HH:mm</source>
        <comment>the start of a session, a QLocale date format: keep the letters</comment>
        <translation>ddd, d. MMM yyyy, HH:mm</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Partly done</source>
        <comment>a session that reached the end with steps skipped</comment>
        <translation>Teilweise erledigt</translation>
    </message>
    <message>
        <source>Stopped early</source>
        <translation>Früher beendet</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Läuft gerade</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>Unterbrochen</translation>
    </message>
    <message>
        <source>Session history</source>
        <translation>Sitzungsverlauf</translation>
    </message>
    <message>
        <source>Current run</source>
        <translation>Aktuelle Serie</translation>
    </message>
    <message>
        <source>Longest run and totals</source>
        <translation>Längste Serie und Summen</translation>
    </message>
    <message>
        <source>Last action</source>
        <translation>Letzte Aktion</translation>
    </message>
    <message>
        <source>Minutes per day, last 8 weeks</source>
        <translation>Minuten pro Tag, letzte 8 Wochen</translation>
    </message>
    <message>
        <source>Minutes massaged each day over the last eight weeks (pauses not counted)</source>
        <translation>Massierte Minuten pro Tag in den letzten acht Wochen (Pausen zählen nicht mit)</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>Minuten</translation>
    </message>
    <message>
        <source>Diary charts</source>
        <translation>Tagebuch-Diagramme</translation>
    </message>
    <message>
        <source>Your ratings and measurements over time, with the minutes massaged each day below them</source>
        <translation>Deine Bewertungen und Messungen im Lauf der Zeit, darunter die Minuten, die du an jedem Tag massiert hast</translation>
    </message>
    <message>
        <source>0 to 10</source>
        <translation>0 bis 10</translation>
    </message>
    <message>
        <source>cm</source>
        <translation>cm</translation>
    </message>
    <message>
        <source>Minutes massaged</source>
        <translation>Massierte Minuten</translation>
    </message>
    <message>
        <source>{count} diary entries; the latest: swelling {swelling}, tightness {tightness}.</source>
        <translation>{count} Tagebucheinträge; der neueste: Schwellung {swelling}, Spannung {tightness}.</translation>
    </message>
    <message>
        <source>No diary entries yet.</source>
        <translation>Noch keine Tagebucheinträge.</translation>
    </message>
    <message>
        <source>Last six months</source>
        <translation>Letzte sechs Monate</translation>
    </message>
    <message>
        <source>Per routine</source>
        <translation>Pro Routine</translation>
    </message>
    <message>
        <source>Totals per routine</source>
        <translation>Summen pro Routine</translation>
    </message>
    <message>
        <source>Sessions, finished sessions and time massaged for each routine</source>
        <translation>Sitzungen, fertige Sitzungen und massierte Zeit für jede Routine</translation>
    </message>
    <message>
        <source>Routine</source>
        <translation>Routine</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message>
        <source>Finished</source>
        <comment>sessions finished</comment>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Every session, newest first. Select one to delete it.</source>
        <translation>Alle Sitzungen, die neueste zuerst. Wähl eine aus, um sie zu löschen.</translation>
    </message>
    <message>
        <source>Delete session…</source>
        <translation>Sitzung löschen…</translation>
    </message>
    <message>
        <source>Delete the selected session (Delete)</source>
        <translation>Die ausgewählte Sitzung löschen (Entf)</translation>
    </message>
    <message>
        <source>Delete all…</source>
        <translation>Alle löschen…</translation>
    </message>
    <message>
        <source>Delete every session in the history</source>
        <translation>Alle Sitzungen im Verlauf löschen</translation>
    </message>
    <message>
        <source>History pages</source>
        <translation>Seiten des Verlaufs</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Diary</source>
        <translation>Tagebuch</translation>
    </message>
    <message>
        <source>Minutes per day, calendar and totals</source>
        <translation>Minuten pro Tag, Kalender und Summen</translation>
    </message>
    <message>
        <source>Every session, with delete</source>
        <translation>Alle Sitzungen, auch zum Löschen</translation>
    </message>
    <message>
        <source>How the swelling and tightness felt, and tape measurements</source>
        <translation>Wie sich Schwellung und Spannung anfühlten, und Maßband-Messungen</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <source>Save every session as a CSV file (for a spreadsheet), and the diary in a second file beside it</source>
        <translation>Alle Sitzungen als CSV-Datei speichern (für eine Tabellenkalkulation) und das Tagebuch in einer zweiten Datei daneben</translation>
    </message>
    <message>
        <source>Save every session as a JSON file, and the diary in a second file beside it</source>
        <translation>Alle Sitzungen als JSON-Datei speichern und das Tagebuch in einer zweiten Datei daneben</translation>
    </message>
    <message>
        <source>Export JSON…</source>
        <translation>JSON exportieren…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Close the history (Esc)</source>
        <translation>Den Verlauf schließen (Esc)</translation>
    </message>
    <message>
        <source>No sessions yet.</source>
        <translation>Noch keine Sitzungen.</translation>
    </message>
    <message>
        <source>Your sessions show here after you do a routine, or part of one.</source>
        <translation>Deine Sitzungen erscheinen hier, sobald du eine Routine machst, ganz oder teilweise.</translation>
    </message>
    <message>
        <source>In all: 1 session, {time}.</source>
        <translation>Insgesamt: 1 Sitzung, {time}.</translation>
    </message>
    <message>
        <source>In all: {count} sessions, {time}.</source>
        <translation>Insgesamt: {count} Sitzungen, {time}.</translation>
    </message>
    <message>
        <source>(Read-only: this history is not changed.)</source>
        <translation>(Nur zum Lesen: Dieser Verlauf wird nicht verändert.)</translation>
    </message>
    <message>
        <source>d MMM</source>
        <comment>a chart tick: day and month, a QLocale date format: keep the letters</comment>
        <translation>d. MMM</translation>
    </message>
    <message>
        <source>{minutes} minutes on {active} of the last {days} days; the most in one day: {most}.</source>
        <translation>{minutes} Minuten an {active} der letzten {days} Tage; am meisten an einem Tag: {most}.</translation>
    </message>
    <message>
        <source>This history is read-only (it was written by a newer version of massage-gui)</source>
        <translation>Dieser Verlauf ist nur zum Lesen (er stammt von einer neueren Version von massage-gui)</translation>
    </message>
    <message>
        <source>Export the history as {kind}</source>
        <translation>Verlauf als {kind} exportieren</translation>
    </message>
    <message>
        <source>{kind} files (*{suffix})</source>
        <translation>{kind}-Dateien (*{suffix})</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation>Export nicht möglich</translation>
    </message>
    <message>
        <source>Saved 1 session to {name}.</source>
        <translation>1 Sitzung in {name} gespeichert.</translation>
    </message>
    <message>
        <source>Saved {count} sessions to {name}.</source>
        <translation>{count} Sitzungen in {name} gespeichert.</translation>
    </message>
    <message>
        <source>Saved 1 diary entry to {name}.</source>
        <translation>1 Tagebucheintrag in {name} gespeichert.</translation>
    </message>
    <message>
        <source>Saved {count} diary entries to {name}.</source>
        <translation>{count} Tagebucheinträge in {name} gespeichert.</translation>
    </message>
    <message>
        <source>Delete the session of {started} ({routine})? This cannot be undone.</source>
        <translation>Die Sitzung vom {started} ({routine}) löschen? Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <source>Delete session</source>
        <translation>Sitzung löschen</translation>
    </message>
    <message>
        <source>Cannot delete</source>
        <translation>Löschen nicht möglich</translation>
    </message>
    <message>
        <source>Deleted one session.</source>
        <translation>Eine Sitzung gelöscht.</translation>
    </message>
    <message>
        <source>Delete the one session in your history? This cannot be undone. (You can export it first.)</source>
        <translation>Die einzige Sitzung in deinem Verlauf löschen? Das lässt sich nicht rückgängig machen. (Du kannst sie vorher exportieren.)</translation>
    </message>
    <message>
        <source>Delete all {count} sessions from your history? This cannot be undone. (You can export them first.)</source>
        <translation>Alle {count} Sitzungen aus deinem Verlauf löschen? Das lässt sich nicht rückgängig machen. (Du kannst sie vorher exportieren.)</translation>
    </message>
    <message>
        <source>Delete all history</source>
        <translation>Ganzen Verlauf löschen</translation>
    </message>
    <message>
        <source>The history is empty.</source>
        <translation>Der Verlauf ist leer.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>The new language is used when you next start the app.</source>
        <translation>Die neue Sprache gilt ab dem nächsten Start der App.</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>Skipped: {areas}. To bring them back: Skipped in the toolbar, or click them.</source>
        <translation>Ausgelassen: {areas}. Zum Wiederaufnehmen: „Ausgelassen“ in der Werkzeugleiste, oder darauf klicken.</translation>
    </message>
    <message>
        <source>Paused: the computer was asleep. Press Space to go on.</source>
        <translation>Pausiert: Der Computer war im Ruhezustand. Drück die Leertaste, um weiterzumachen.</translation>
    </message>
</context>
<context>
    <name>MeasureDiagram</name>
    <message>
        <source>Where to measure</source>
        <translation>Wo du misst</translation>
    </message>
    <message>
        <source>A face and neck as in a mirror, with the measuring lines: {lines}.</source>
        <translation>Gesicht und Hals wie im Spiegel, mit den Messlinien: {lines}.</translation>
    </message>
    <message>
        <source>L</source>
        <comment>your left, short</comment>
        <translation>L</translation>
    </message>
    <message>
        <source>R</source>
        <comment>your right, short</comment>
        <translation>R</translation>
    </message>
</context>
<context>
    <name>NamePrompt</name>
    <message>
        <source>A favourite needs a name: type one, or Cancel.</source>
        <translation>Ein Favorit braucht einen Namen: Gib einen ein oder wähle Abbrechen.</translation>
    </message>
</context>
<context>
    <name>NodeTerms</name>
    <message>
        <source>supraclavicular nodes</source>
        <translation>supraklavikuläre Lymphknoten</translation>
    </message>
    <message>
        <source>deep cervical nodes</source>
        <translation>tiefe Halslymphknoten</translation>
    </message>
    <message>
        <source>submandibular nodes</source>
        <translation>submandibuläre Lymphknoten</translation>
    </message>
    <message>
        <source>submental nodes</source>
        <translation>submentale Lymphknoten</translation>
    </message>
    <message>
        <source>preauricular nodes</source>
        <translation>präaurikuläre Lymphknoten</translation>
    </message>
    <message>
        <source>retroauricular (mastoid) nodes</source>
        <translation>retroaurikuläre (mastoidale) Lymphknoten</translation>
    </message>
    <message>
        <source>occipital nodes</source>
        <translation>okzipitale Lymphknoten</translation>
    </message>
    <message>
        <source>axillary nodes</source>
        <translation>axilläre Lymphknoten</translation>
    </message>
    <message>
        <source>{label}: {term}</source>
        <translation>{label}: {term}</translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message>
        <source>Notice</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Dismiss the message</source>
        <translation>Meldung schließen</translation>
    </message>
    <message>
        <source>Less</source>
        <translation>Weniger</translation>
    </message>
    <message>
        <source>{count} more</source>
        <translation>{count} weitere</translation>
    </message>
    <message>
        <source>Show fewer warnings</source>
        <translation>Weniger Hinweise zeigen</translation>
    </message>
    <message>
        <source>Show all warnings</source>
        <translation>Alle Hinweise zeigen</translation>
    </message>
</context>
<context>
    <name>PaceControl</name>
    <message>
        <source>Pace in seconds per stroke</source>
        <translation>Tempo in Sekunden pro Griff</translation>
    </message>
    <message>
        <source>Seconds per stroke: left is faster, right is slower</source>
        <translation>Sekunden pro Griff: links schneller, rechts langsamer</translation>
    </message>
    <message>
        <source>Left: faster strokes. Right: slower strokes. Keys: - faster, + slower</source>
        <translation>Links: schnellere Griffe. Rechts: langsamere Griffe. Tasten: - schneller, + langsamer</translation>
    </message>
    <message>
        <source>faster</source>
        <translation>schneller</translation>
    </message>
    <message>
        <source>slower</source>
        <translation>langsamer</translation>
    </message>
    <message>
        <source>Pace</source>
        <translation>Tempo</translation>
    </message>
    <message>
        <source>{pace} s/stroke</source>
        <translation>{pace} s/Griff</translation>
    </message>
    <message>
        <source>{pace} s</source>
        <translation>{pace} s</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sitzung</translation>
    </message>
    <message>
        <source>Sound and voice</source>
        <translation>Ton und Stimme</translation>
    </message>
    <message>
        <source>Display</source>
        <translation>Anzeige</translation>
    </message>
    <message>
        <source>Areas</source>
        <translation>Bereiche</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>Erinnerungen</translation>
    </message>
    <message>
        <source>Preference groups</source>
        <translation>Einstellungsgruppen</translation>
    </message>
    <message>
        <source>{area} (your left side only)</source>
        <translation>{area} (nur deine linke Seite)</translation>
    </message>
    <message>
        <source>{area} (your right side only)</source>
        <translation>{area} (nur deine rechte Seite)</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemstandard</translation>
    </message>
    <message>
        <source>A new language is used when you next start the app.</source>
        <translation>Eine neue Sprache gilt ab dem nächsten Start der App.</translation>
    </message>
    <message>
        <source>A notification at each time, unless you finished a session near that time already. While reminders are on, massage-gui stays in the system tray when you close its window; where there is no tray, reminders come while its window is open.</source>
        <translation>Zu jeder Uhrzeit eine Benachrichtigung, außer du hast um diese Zeit schon eine Sitzung beendet. Solange Erinnerungen an sind, bleibt massage-gui im Systembereich der Taskleiste, wenn du das Fenster schließt; wo es diesen Bereich nicht gibt, kommen Erinnerungen, solange das Fenster offen ist.</translation>
    </message>
    <message>
        <source>Starting at login is not available on this system yet.</source>
        <translation>Der Start bei der Anmeldung ist auf diesem System noch nicht möglich.</translation>
    </message>
    <message>
        <source>{setting}: status</source>
        <translation>{setting}: Status</translation>
    </message>
</context>
<context>
    <name>PulseSounds</name>
    <message>
        <source>it has stopped taking sounds</source>
        <translation>er nimmt keine Töne mehr an</translation>
    </message>
</context>
<context>
    <name>Rating</name>
    <message>
        <source>0 none</source>
        <translation>0 keine</translation>
    </message>
    <message>
        <source>10 the worst</source>
        <translation>10 am schlimmsten</translation>
    </message>
</context>
<context>
    <name>RatingSlider</name>
    <message>
        <source>Not chosen yet</source>
        <translation>Noch nicht gewählt</translation>
    </message>
</context>
<context>
    <name>ReminderTimesEditor</name>
    <message>
        <source>Add a reminder</source>
        <translation>Erinnerung hinzufügen</translation>
    </message>
    <message>
        <source>Another time of day to be reminded</source>
        <translation>Eine weitere Uhrzeit für eine Erinnerung</translation>
    </message>
    <message>
        <source>Reminder time</source>
        <translation>Uhrzeit der Erinnerung</translation>
    </message>
    <message>
        <source>Routine for this reminder</source>
        <translation>Routine für diese Erinnerung</translation>
    </message>
    <message>
        <source>The routine I used last</source>
        <translation>Die zuletzt benutzte Routine</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove this reminder</source>
        <translation>Diese Erinnerung entfernen</translation>
    </message>
</context>
<context>
    <name>ReminderToast</name>
    <message>
        <source>Reminder</source>
        <translation>Erinnerung</translation>
    </message>
    <message>
        <source>Open the routine</source>
        <translation>Routine öffnen</translation>
    </message>
    <message>
        <source>Open massage-gui with this routine ready to start</source>
        <translation>massage-gui mit dieser Routine startbereit öffnen</translation>
    </message>
    <message>
        <source>Snooze {minutes} min</source>
        <translation>In {minutes} Min. erinnern</translation>
    </message>
    <message>
        <source>Done today</source>
        <translation>Heute erledigt</translation>
    </message>
    <message>
        <source>I did it today already: no more reminders for it today</source>
        <translation>Ich habe sie heute schon gemacht: heute keine Erinnerung mehr dafür</translation>
    </message>
    <message>
        <source>Close the reminder</source>
        <translation>Erinnerung schließen</translation>
    </message>
    <message>
        <source>Remind me again in {minutes} minutes</source>
        <translation>Erinnere mich in {minutes} Minuten noch einmal</translation>
    </message>
</context>
<context>
    <name>Reminders</name>
    <message>
        <source>Reminders for your lymphatic self-massage</source>
        <translation>Erinnerungen an deine Lymph-Selbstmassage</translation>
    </message>
    <message>
        <source>Start at login could not be set: {error}</source>
        <translation>Der Start bei der Anmeldung ließ sich nicht einstellen: {error}</translation>
    </message>
    <message>
        <source>{routine}: click to open it, ready to start.</source>
        <translation>{routine}: Klicke, um sie startbereit zu öffnen.</translation>
    </message>
    <message>
        <source>Open massage-gui</source>
        <translation>massage-gui öffnen</translation>
    </message>
    <message>
        <source>Snooze {minutes} minutes</source>
        <translation>In {minutes} Minuten erinnern</translation>
    </message>
    <message>
        <source>Done today</source>
        <translation>Heute erledigt</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Start {routine}</source>
        <translation>{routine} starten</translation>
    </message>
    <message>
        <source>massage-gui keeps running here for your reminders. Quit it from this icon&apos;s menu.</source>
        <translation>massage-gui läuft hier für deine Erinnerungen weiter. Beenden kannst du es im Menü dieses Symbols.</translation>
    </message>
</context>
<context>
    <name>RepDial</name>
    <message>
        <source>Repetition counter</source>
        <translation>Wiederholungszähler</translation>
    </message>
    <message>
        <source>Repetition counter, moving</source>
        <translation>Wiederholungszähler, in Bewegung</translation>
    </message>
</context>
<context>
    <name>RoutineEditor</name>
    <message>
        <source>Edit routine</source>
        <translation>Routine bearbeiten</translation>
    </message>
    <message>
        <source>Preview of the selected step</source>
        <translation>Vorschau des gewählten Schritts</translation>
    </message>
    <message>
        <source>Total time</source>
        <translation>Gesamtdauer</translation>
    </message>
    <message>
        <source>Routine name</source>
        <translation>Name der Routine</translation>
    </message>
    <message>
        <source>The routine&apos;s name, 1 to {max} characters</source>
        <translation>Der Name der Routine, 1 bis {max} Zeichen</translation>
    </message>
    <message>
        <source>A routine needs a name before it can be saved.</source>
        <translation>Eine Routine braucht einen Namen, bevor du sie speichern kannst.</translation>
    </message>
    <message>
        <source>Why OK is unavailable</source>
        <translation>Warum OK nicht geht</translation>
    </message>
    <message>
        <source>Routine description</source>
        <translation>Beschreibung der Routine</translation>
    </message>
    <message>
        <source>Optional, at most {max} characters</source>
        <translation>Optional, höchstens {max} Zeichen</translation>
    </message>
    <message>
        <source>Optional: what this routine is for</source>
        <translation>Optional: wofür diese Routine gedacht ist</translation>
    </message>
    <message>
        <source>Description length</source>
        <translation>Länge der Beschreibung</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Warnungen</translation>
    </message>
    <message>
        <source>Add step</source>
        <translation>Schritt hinzufügen</translation>
    </message>
    <message>
        <source>Add a step after the selected one</source>
        <translation>Einen Schritt nach dem gewählten einfügen</translation>
    </message>
    <message>
        <source>Duplicate step</source>
        <translation>Schritt duplizieren</translation>
    </message>
    <message>
        <source>Duplicate the selected step</source>
        <translation>Den gewählten Schritt duplizieren</translation>
    </message>
    <message>
        <source>Remove step</source>
        <translation>Schritt entfernen</translation>
    </message>
    <message>
        <source>Remove the selected step</source>
        <translation>Den gewählten Schritt entfernen</translation>
    </message>
    <message>
        <source>Move step up</source>
        <translation>Schritt nach oben</translation>
    </message>
    <message>
        <source>Move the selected step up</source>
        <translation>Den gewählten Schritt nach oben schieben</translation>
    </message>
    <message>
        <source>Move step down</source>
        <translation>Schritt nach unten</translation>
    </message>
    <message>
        <source>Move the selected step down</source>
        <translation>Den gewählten Schritt nach unten schieben</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <source>Move the selected step up (Ctrl+Up or Alt+Up)</source>
        <translation>Den gewählten Schritt nach oben schieben (Strg+Hoch oder Alt+Hoch)</translation>
    </message>
    <message>
        <source>Move the selected step down (Ctrl+Down or Alt+Down)</source>
        <translation>Den gewählten Schritt nach unten schieben (Strg+Runter oder Alt+Runter)</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplizieren</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Runter</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Save as favourite</source>
        <translation>Als Favorit speichern</translation>
    </message>
    <message>
        <source>Save the changes to this favourite (Ctrl+Enter)</source>
        <translation>Die Änderungen an diesem Favoriten speichern (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Built-in routines stay as shipped: save your version as a new favourite (Ctrl+Enter)</source>
        <translation>Mitgelieferte Routinen bleiben, wie sie sind: Speichere deine Fassung als neuen Favoriten (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Save as new</source>
        <translation>Als neu speichern</translation>
    </message>
    <message>
        <source>Keep the favourite as it was and save this as a new one</source>
        <translation>Den Favoriten lassen, wie er war, und dies als neuen speichern</translation>
    </message>
    <message>
        <source>Discard changes?</source>
        <translation>Änderungen verwerfen?</translation>
    </message>
    <message>
        <source>Your changes to this routine have not been saved. Discard them?</source>
        <translation>Deine Änderungen an dieser Routine sind nicht gespeichert. Verwerfen?</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>&amp;Beschreibung</translation>
    </message>
    <message>
        <source>Every step is in an area your settings skip: nothing would play.</source>
        <translation>Jeder Schritt liegt in einem Bereich, den deine Einstellungen auslassen: Es würde nichts laufen.</translation>
    </message>
    <message>
        <source>Total {time} at {pace} s per stroke</source>
        <translation>Gesamt {time} bei {pace} s pro Griff</translation>
    </message>
    <message>
        <source>(1 step skipped by your settings)</source>
        <translation>(1 Schritt durch deine Einstellungen ausgelassen)</translation>
    </message>
    <message>
        <source>({count} steps skipped by your settings)</source>
        <translation>({count} Schritte durch deine Einstellungen ausgelassen)</translation>
    </message>
    <message>
        <source>Step {number} of {total}</source>
        <translation>Schritt {number} von {total}</translation>
    </message>
    <message>
        <source>No step selected</source>
        <translation>Kein Schritt gewählt</translation>
    </message>
    <message>
        <source>Give the routine a name first</source>
        <translation>Gib der Routine zuerst einen Namen</translation>
    </message>
</context>
<context>
    <name>RoutinePicker</name>
    <message>
        <source>Routine</source>
        <translation>Routine</translation>
    </message>
    <message>
        <source>Choose a routine</source>
        <translation>Routine wählen</translation>
    </message>
</context>
<context>
    <name>SafetyDialog</name>
    <message>
        <source>an infection, a fever, or red, hot, painful skin (cellulitis)</source>
        <translation>eine Infektion, Fieber oder gerötete, heiße, schmerzende Haut (etwa eine Wundrose, ein Erysipel)</translation>
    </message>
    <message>
        <source>a blood clot now or recently</source>
        <translation>ein Blutgerinnsel (Thrombose), jetzt oder vor Kurzem</translation>
    </message>
    <message>
        <source>heart failure or other heart problems</source>
        <translation>eine Herzschwäche oder andere Herzprobleme</translation>
    </message>
    <message>
        <source>active cancer, or cancer that is being treated, in the head or neck</source>
        <translation>eine aktive oder gerade behandelte Krebserkrankung an Kopf oder Hals</translation>
    </message>
    <message>
        <source>new swelling that no doctor has explained</source>
        <translation>eine neue Schwellung, die noch nicht ärztlich abgeklärt ist</translation>
    </message>
    <message>
        <source>surgery, a wound, broken or weeping skin in the area</source>
        <translation>eine Operation, eine Wunde oder verletzte oder nässende Haut dort, wo du massierst</translation>
    </message>
    <message>
        <source>severe kidney disease</source>
        <translation>eine schwere Nierenerkrankung</translation>
    </message>
    <message>
        <source>radiotherapy to the face or neck, now or in the last few weeks</source>
        <translation>eine Bestrahlung an Gesicht oder Hals, jetzt oder in den letzten Wochen</translation>
    </message>
    <message>
        <source>low blood pressure</source>
        <translation>niedrigen Blutdruck</translation>
    </message>
    <message>
        <source>fainting or a sensitive carotid sinus</source>
        <translation>Ohnmachtsanfälle oder einen empfindlichen Karotissinus</translation>
    </message>
    <message>
        <source>narrowed neck arteries (carotid stenosis)</source>
        <translation>verengte Halsschlagadern (Karotisstenose)</translation>
    </message>
    <message>
        <source>a stroke or a mini-stroke (TIA) in the past</source>
        <translation>einen früheren Schlaganfall oder eine TIA („Mini-Schlaganfall“)</translation>
    </message>
    <message>
        <source>an irregular heartbeat</source>
        <translation>Herzrhythmusstörungen</translation>
    </message>
    <message>
        <source>an overactive thyroid</source>
        <translation>eine Schilddrüsenüberfunktion</translation>
    </message>
    <message>
        <source>Sit upright, so that gravity helps the fluid drain.</source>
        <translation>Setz dich aufrecht hin, damit die Schwerkraft beim Abfließen hilft.</translation>
    </message>
    <message>
        <source>Swelling is often worst in the morning, after a night lying flat, so a session in the morning helps most.</source>
        <translation>Schwellungen sind morgens oft am stärksten, nachdem du die Nacht flach gelegen hast. Darum hilft eine Massage am Morgen am meisten.</translation>
    </message>
    <message>
        <source>Do not move fluid toward scars or hard (fibrotic) skin unless your therapist has given you a plan for it.</source>
        <translation>Schieb keine Flüssigkeit zu Narben oder verhärteter (fibrotischer) Haut hin, außer deine Lymphtherapeutin oder dein Lymphtherapeut hat dir dafür einen Plan gegeben.</translation>
    </message>
    <message>
        <source>Move the skin, not the muscle: about the weight of your hand. Use flat fingers or the palm, on dry skin. The skin should not turn red, and nothing should hurt.</source>
        <translation>Beweg die Haut, nicht den Muskel: Drück nur etwa so stark, wie deine Hand wiegt. Arbeite mit flachen Fingern oder der Handfläche auf trockener Haut. Die Haut soll nicht rot werden, und nichts soll wehtun.</translation>
    </message>
    <message>
        <source>Never press or rub where you feel the pulse of the neck artery, below the angle of the jaw (shown in red on the neck steps).</source>
        <translation>Drück oder reib nie dort, wo du unterhalb des Kieferwinkels den Puls der Halsschlagader fühlst (bei den Halsschritten rot markiert).</translation>
    </message>
    <message>
        <source>Stop at once if you feel dizzy or faint, or if pain, new redness or swelling appear.</source>
        <translation>Hör sofort auf, wenn dir schwindlig wird oder du das Gefühl hast, ohnmächtig zu werden, oder wenn Schmerzen, neue Rötungen oder Schwellungen auftreten.</translation>
    </message>
    <message>
        <source>This app paces the gentle self-massage that lymphoedema therapists teach. It is not a treatment and does not replace your therapist&apos;s own plan, which comes first if you have one.</source>
        <translation>Diese App gibt den Takt für die sanfte Selbstmassage vor, die Lymphtherapeutinnen und Lymphtherapeuten lehren. Sie ist keine Behandlung und ersetzt nicht den Plan deiner Lymphtherapeutin oder deines Lymphtherapeuten: Wenn du einen hast, geht er vor.</translation>
    </message>
    <message>
        <source>Ask your doctor or therapist first if you have</source>
        <translation>Frag zuerst in deiner Arztpraxis oder bei deiner Lymphtherapeutin oder deinem Lymphtherapeuten nach, wenn du Folgendes hast</translation>
    </message>
    <message>
        <source>For the neck steps, also if you have:</source>
        <translation>Für die Halsschritte auch, wenn du Folgendes hast:</translation>
    </message>
    <message>
        <source>If you were treated for head or neck cancer</source>
        <translation>Falls du wegen Kopf-Hals-Krebs behandelt wurdest</translation>
    </message>
    <message>
        <source>Were lymph nodes in your neck removed, or treated with radiotherapy? Then the fluid on that side needs another way, and the app sends that side&apos;s strokes the way therapists teach for it. Not sure? Ask your therapist, and change this later in Preferences.</source>
        <translation>Wurden Lymphknoten an deinem Hals entfernt oder bestrahlt? Dann braucht die Flüssigkeit auf dieser Seite einen anderen Weg, und die App führt die Striche dieser Seite so, wie Lymphtherapeutinnen und Lymphtherapeuten es dafür zeigen. Nicht sicher? Frag deine Lymphtherapeutin oder deinen Lymphtherapeuten, und ändere es später in den Einstellungen.</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>Yes, on my left side</source>
        <translation>Ja, auf meiner linken Seite</translation>
    </message>
    <message>
        <source>Yes, on my right side</source>
        <translation>Ja, auf meiner rechten Seite</translation>
    </message>
    <message>
        <source>Yes, on both sides</source>
        <translation>Ja, auf beiden Seiten</translation>
    </message>
    <message>
        <source>Neck lymph nodes removed or treated with radiotherapy</source>
        <translation>Halslymphknoten entfernt oder bestrahlt</translation>
    </message>
    <message>
        <source>How to sit, and when</source>
        <translation>Wie du sitzt und wann</translation>
    </message>
    <message>
        <source>How light</source>
        <translation>Wie leicht</translation>
    </message>
    <message>
        <source>When to stop</source>
        <translation>Wann du aufhörst</translation>
    </message>
    <message>
        <source>Before you start: safety</source>
        <translation>Bevor du anfängst: Sicherheit</translation>
    </message>
    <message>
        <source>Safety information</source>
        <translation>Sicherheitshinweise</translation>
    </message>
    <message>
        <source>I have read this. None of it applies to me, or my clinician agrees.</source>
        <translation>Ich habe das gelesen. Nichts davon trifft auf mich zu, oder meine Ärztin, mein Arzt, meine Lymphtherapeutin oder mein Lymphtherapeut ist einverstanden.</translation>
    </message>
    <message>
        <source>Confirm that you have read the safety information</source>
        <translation>Bestätige, dass du die Sicherheitshinweise gelesen hast</translation>
    </message>
    <message>
        <source>Tick to continue</source>
        <translation>Kreuz das an, um weiterzumachen</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>ScreenSaver</name>
    <message>
        <source>The screen saver is left alone on this platform.</source>
        <translation>Auf diesem System bleibt der Bildschirmschoner unberührt.</translation>
    </message>
    <message>
        <source>Cannot keep the screen on: Qt&apos;s D-Bus module could not load ({error}).</source>
        <translation>Der Bildschirm kann nicht an bleiben: Das D-Bus-Modul von Qt ließ sich nicht laden ({error}).</translation>
    </message>
    <message>
        <source>Cannot keep the screen on: there is no D-Bus session bus.</source>
        <translation>Der Bildschirm kann nicht an bleiben: Es gibt keinen D-Bus-Sitzungsbus.</translation>
    </message>
    <message>
        <source>A guided massage session is running</source>
        <translation>Eine angeleitete Massage läuft</translation>
    </message>
</context>
<context>
    <name>SessionTableModel</name>
    <message>
        <source>Started</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>Routine</source>
        <translation>Routine</translation>
    </message>
    <message>
        <source>Massaged</source>
        <translation>Massiert</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>{massaged} of {planned}</source>
        <translation>{massaged} von {planned}</translation>
    </message>
    <message>
        <source>{done} done</source>
        <translation>{done} erledigt</translation>
    </message>
    <message>
        <source>{done} done, {skipped} skipped</source>
        <translation>{done} erledigt, {skipped} übersprungen</translation>
    </message>
    <message>
        <source>{started} (UTC{offset}), {routine} [{id}], pace {pace} s per stroke</source>
        <translation>{started} (UTC{offset}), {routine} [{id}], Tempo {pace} s pro Griff</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source> or </source>
        <translation> oder </translation>
    </message>
</context>
<context>
    <name>SkipButton</name>
    <message>
        <source>Skip areas you should not touch (or click them on the diagram)</source>
        <translation>Bereiche auslassen, die du nicht berühren sollst (oder klick sie im Schaubild an)</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Auslassen</translation>
    </message>
    <message>
        <source>Skip areas</source>
        <translation>Bereiche auslassen</translation>
    </message>
    <message>
        <source>Skipped: {count}</source>
        <translation>Ausgelassen: {count}</translation>
    </message>
    <message>
        <source>Areas to skip</source>
        <translation>Bereiche auslassen</translation>
    </message>
    <message>
        <source>No area is skipped</source>
        <translation>Kein Bereich wird ausgelassen</translation>
    </message>
    <message>
        <source>{count} skipped</source>
        <translation>{count} ausgelassen</translation>
    </message>
</context>
<context>
    <name>SkipMenu</name>
    <message>
        <source>Skip areas</source>
        <translation>Bereiche auslassen</translation>
    </message>
    <message>
        <source>Skip {area}</source>
        <translation>Auslassen: {area}</translation>
    </message>
    <message>
        <source>Bring back every area</source>
        <translation>Alle Bereiche wieder aufnehmen</translation>
    </message>
</context>
<context>
    <name>StepForm</name>
    <message>
        <source>Slow breaths</source>
        <translation>Langsame Atemzüge</translation>
    </message>
    <message>
        <source>In through the nose, a longer breath out; no hands on the face</source>
        <translation>Durch die Nase ein, länger aus; keine Hände im Gesicht</translation>
    </message>
    <message>
        <source>Circles</source>
        <translation>Stehende Kreise</translation>
    </message>
    <message>
        <source>Soft stationary circles, easing the skin toward the node</source>
        <translation>Sanfte stehende Kreise, die die Haut zum Lymphknoten hin mitnehmen</translation>
    </message>
    <message>
        <source>Stretch</source>
        <translation>Dehnen</translation>
    </message>
    <message>
        <source>Stretch the skin toward the node, then let go</source>
        <translation>Dehne die Haut zum Lymphknoten hin, dann lass los</translation>
    </message>
    <message>
        <source>Sweep</source>
        <translation>Streichen</translation>
    </message>
    <message>
        <source>One long, light glide along the area toward the node</source>
        <translation>Ein langer, leichter Strich über den Bereich zum Lymphknoten hin</translation>
    </message>
    <message>
        <source>Both sides at once</source>
        <translation>Beide Seiten zugleich</translation>
    </message>
    <message>
        <source>Left side only</source>
        <translation>Nur linke Seite</translation>
    </message>
    <message>
        <source>Right side only</source>
        <translation>Nur rechte Seite</translation>
    </message>
    <message>
        <source>Midline, one hand</source>
        <translation>Mittellinie, eine Hand</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <source>Where the hands work</source>
        <translation>Wo die Hände arbeiten</translation>
    </message>
    <message>
        <source>Stroke</source>
        <translation>Griff</translation>
    </message>
    <message>
        <source>How the hands move</source>
        <translation>Wie sich die Hände bewegen</translation>
    </message>
    <message>
        <source>Toward</source>
        <translation>Richtung</translation>
    </message>
    <message>
        <source>The node group the strokes drain toward</source>
        <translation>Die Lymphknotengruppe, zu der die Griffe hinführen</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Seite</translation>
    </message>
    <message>
        <source>Which side of your body (left and right are your own sides)</source>
        <translation>Welche Körperseite (links und rechts von dir aus gesehen)</translation>
    </message>
    <message>
        <source>Repetitions</source>
        <translation>Wiederholungen</translation>
    </message>
    <message>
        <source>How many strokes in all, 1 to {max}</source>
        <translation>Wie viele Striche insgesamt, 1 bis {max}</translation>
    </message>
    <message>
        <source>Hand positions</source>
        <translation>Handpositionen</translation>
    </message>
    <message>
        <source>The spots the hands work in turn, nearest the node first; the strokes are shared out over them</source>
        <translation>Die Stellen, an denen die Hände nacheinander arbeiten, die dem Lymphknoten nächste zuerst; die Striche werden auf sie verteilt</translation>
    </message>
    <message>
        <source>Pace factor</source>
        <translation>Tempofaktor</translation>
    </message>
    <message>
        <source>Times your pace: 1.0 is your usual stroke; 1.5 makes each stroke half as long again</source>
        <translation>Mal dein Tempo: 1,0 ist dein üblicher Griff; 1,5 macht jeden Griff um die Hälfte länger</translation>
    </message>
    <message>
        <source>Breath length</source>
        <translation>Länge eines Atemzugs</translation>
    </message>
    <message>
        <source>Cue</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>A short reminder shown during the step, at most {max} characters</source>
        <translation>Eine kurze Erinnerung während des Schritts, höchstens {max} Zeichen</translation>
    </message>
    <message>
        <source>e.g. Flat fingers, skin only</source>
        <translation>z. B. Flache Finger, nur die Haut</translation>
    </message>
    <message>
        <source>Cue length</source>
        <translation>Länge des Hinweises</translation>
    </message>
    <message>
        <source>&amp;Area</source>
        <translation>Be&amp;reich</translation>
    </message>
    <message>
        <source>&amp;Stroke</source>
        <translation>&amp;Griff</translation>
    </message>
    <message>
        <source>&amp;Toward</source>
        <translation>R&amp;ichtung</translation>
    </message>
    <message>
        <source>S&amp;ide</source>
        <translation>&amp;Seite</translation>
    </message>
    <message>
        <source>&amp;Repetitions</source>
        <translation>Wie&amp;derholungen</translation>
    </message>
    <message>
        <source>&amp;Hand positions</source>
        <translation>&amp;Handpositionen</translation>
    </message>
    <message>
        <source>&amp;Pace factor</source>
        <translation>&amp;Tempofaktor</translation>
    </message>
    <message>
        <source>&amp;Cue</source>
        <translation>&amp;Hinweis</translation>
    </message>
    <message>
        <source>Each breath lasts {seconds} s (Preferences, Breath length); pace does not change it.</source>
        <translation>Jeder Atemzug dauert {seconds} s (Einstellungen, Länge eines Atemzugs); das Tempo ändert daran nichts.</translation>
    </message>
    <message>
        <source>&amp;Breaths</source>
        <translation>Atem&amp;züge</translation>
    </message>
    <message>
        <source>Breaths</source>
        <translation>Atemzüge</translation>
    </message>
    <message>
        <source>Usual ({count})</source>
        <translation>Üblich ({count})</translation>
    </message>
    <message>
        <source>{spots} spots, {most} strokes at the first</source>
        <translation>{spots} Stellen, {most} Striche an der ersten</translation>
    </message>
    <message>
        <source>{count}/{max} characters</source>
        <translation>{count}/{max} Zeichen</translation>
    </message>
</context>
<context>
    <name>StepList</name>
    <message>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <source>Drag a step to move it</source>
        <translation>Zieh einen Schritt, um ihn zu verschieben</translation>
    </message>
    <message>
        <source>{number}. {area} - {stroke} - {reps}x</source>
        <translation>{number}. {area} – {stroke} – {reps}×</translation>
    </message>
    <message>
        <source>{reps}x</source>
        <translation>{reps}×</translation>
    </message>
    <message>
        <source>{reps}x at {spots} spots</source>
        <translation>{reps}× an {spots} Stellen</translation>
    </message>
    <message>
        <source>{number}. {area} - {stroke} toward {node} - {side} - {times}</source>
        <translation>{number}. {area} – {stroke} Richtung {node} – {side} – {times}</translation>
    </message>
    <message>
        <source>Pace factor {factor}×</source>
        <translation>Tempofaktor {factor}×</translation>
    </message>
    <message>
        <source>Cue: {cue}</source>
        <translation>Hinweis: {cue}</translation>
    </message>
    <message>
        <source>Skipped by your settings: this step will not play.</source>
        <translation>In deinen Einstellungen ausgelassen: Dieser Schritt läuft nicht.</translation>
    </message>
    <message>
        <source>A focus area in your settings: 1.5 times the repetitions.</source>
        <translation>Ein Schwerpunkt in deinen Einstellungen: 1,5-mal so viele Wiederholungen.</translation>
    </message>
</context>
<context>
    <name>StepPanel</name>
    <message>
        <source>Session state</source>
        <translation>Sitzungsstatus</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Was zu tun ist</translation>
    </message>
    <message>
        <source>Hand position</source>
        <translation>Handposition</translation>
    </message>
    <message>
        <source>Time left in this step</source>
        <translation>Restzeit in diesem Schritt</translation>
    </message>
    <message>
        <source>Cue</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Nächster Schritt</translation>
    </message>
    <message>
        <source>Progress through the routine</source>
        <translation>Fortschritt in der Routine</translation>
    </message>
    <message>
        <source>Time left in the routine</source>
        <translation>Restzeit der Routine</translation>
    </message>
    <message>
        <source>Caution</source>
        <translation>Vorsicht</translation>
    </message>
    <message>
        <source>Neck: skin only. Never press on the pulse below the jaw.</source>
        <translation>Hals: nur die Haut. Drück nie dort, wo du unter dem Kiefer den Puls fühlst.</translation>
    </message>
    <message>
        <source>Skipped areas</source>
        <translation>Ausgelassene Bereiche</translation>
    </message>
    <message>
        <source>Pressure reminder</source>
        <translation>Erinnerung an den Druck</translation>
    </message>
    <message>
        <source>Skin-light pressure: the skin should not go red.</source>
        <translation>Ganz leichter Druck: Die Haut soll nicht rot werden.</translation>
    </message>
    <message>
        <source>READY</source>
        <translation>BEREIT</translation>
    </message>
    <message>
        <source>STOPPED</source>
        <translation>BEENDET</translation>
    </message>
    <message>
        <source>Press Space to start</source>
        <translation>Drück die Leertaste zum Starten</translation>
    </message>
    <message>
        <source>FINISHED</source>
        <translation>FERTIG</translation>
    </message>
    <message>
        <source>AT THE END</source>
        <translation>GESCHAFFT</translation>
    </message>
    <message>
        <source>Well done</source>
        <translation>Gut gemacht</translation>
    </message>
    <message>
        <source>{summary} Sit for a moment before you get up.</source>
        <translation>{summary} Bleib kurz sitzen, bevor du aufstehst.</translation>
    </message>
    <message>
        <source>done</source>
        <translation>fertig</translation>
    </message>
    <message>
        <source>Press Space to start again</source>
        <translation>Noch einmal? Drück die Leertaste</translation>
    </message>
    <message>
        <source>Next: {area}</source>
        <translation>Danach: {area}</translation>
    </message>
    <message>
        <source>Last step</source>
        <translation>Letzter Schritt</translation>
    </message>
    <message>
        <source>STEP {number} OF {total}</source>
        <translation>SCHRITT {number} VON {total}</translation>
    </message>
    <message>
        <source>of {reps}</source>
        <translation>von {reps}</translation>
    </message>
    <message>
        <source>Position {position} of {positions}</source>
        <translation>Position {position} von {positions}</translation>
    </message>
    <message>
        <source>{time} left in this step</source>
        <translation>noch {time} in diesem Schritt</translation>
    </message>
    <message>
        <source>GET READY</source>
        <translation>MACH DICH BEREIT</translation>
    </message>
    <message>
        <source>NEXT</source>
        <translation>ALS NÄCHSTES</translation>
    </message>
    <message>
        <source>Next: {area}</source>
        <comment>the large heading in the pause before a step</comment>
        <translation>Gleich: {area}</translation>
    </message>
    <message>
        <source>get ready</source>
        <translation>gleich los</translation>
    </message>
    <message>
        <source>once, {time}</source>
        <translation>einmal, {time}</translation>
    </message>
    <message>
        <source>{reps} times, {time}</source>
        <translation>{reps}-mal, {time}</translation>
    </message>
    <message>
        <source>{positions} positions, {most} strokes each</source>
        <translation>{positions} Positionen, je {most} Striche</translation>
    </message>
    <message>
        <source>“{cue}”</source>
        <translation>„{cue}“</translation>
    </message>
    <message>
        <source>You massaged for {time}: {done} of {total} steps done, {skipped} skipped.</source>
        <translation>Du hast {time} massiert: {done} von {total} Schritten gemacht, {skipped} ausgelassen.</translation>
    </message>
    <message>
        <source>You massaged for {time}: {done} of {total} steps done.</source>
        <translation>Du hast {time} massiert: {done} von {total} Schritten gemacht.</translation>
    </message>
    <message>
        <source>1 step</source>
        <translation>1 Schritt</translation>
    </message>
    <message>
        <source>{count} steps</source>
        <translation>{count} Schritte</translation>
    </message>
    <message>
        <source>{time} left in the routine</source>
        <translation>noch {time} in der Routine</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Start, pause or resume</source>
        <translation>Starten, pausieren oder fortsetzen</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Previous step</source>
        <translation>Vorheriger Schritt</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Nächster Schritt</translation>
    </message>
    <message>
        <source>Restart step</source>
        <translation>Schritt neu</translation>
    </message>
    <message>
        <source>Restart this step</source>
        <translation>Diesen Schritt neu beginnen</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <source>Stop the session</source>
        <translation>Sitzung beenden</translation>
    </message>
    <message>
        <source>Faster</source>
        <translation>Schneller</translation>
    </message>
    <message>
        <source>Faster: fewer seconds per stroke</source>
        <translation>Schneller: weniger Sekunden pro Griff</translation>
    </message>
    <message>
        <source>Slower</source>
        <translation>Langsamer</translation>
    </message>
    <message>
        <source>Slower: more seconds per stroke</source>
        <translation>Langsamer: mehr Sekunden pro Griff</translation>
    </message>
    <message>
        <source>Mirror</source>
        <translation>Spiegeln</translation>
    </message>
    <message>
        <source>Mirror view: your left on the screen&apos;s left</source>
        <translation>Spiegelansicht: deine linke Seite links im Bild</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>Vollbild</translation>
    </message>
    <message>
        <source>Full screen: the diagram and the step only</source>
        <translation>Vollbild: nur Schaubild und Schritt</translation>
    </message>
    <message>
        <source>Compact window</source>
        <translation>Kompaktes Fenster</translation>
    </message>
    <message>
        <source>A small window that stays on top</source>
        <translation>Ein kleines Fenster, das im Vordergrund bleibt</translation>
    </message>
    <message>
        <source>Leave full screen</source>
        <translation>Vollbild verlassen</translation>
    </message>
    <message>
        <source>Preferences…</source>
        <translation>Einstellungen…</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Reduce motion</source>
        <translation>Weniger Bewegung</translation>
    </message>
    <message>
        <source>Static arrows and a progress ring</source>
        <translation>Feste Pfeile und ein Fortschrittsring</translation>
    </message>
    <message>
        <source>Node labels</source>
        <translation>Lymphknoten-Namen</translation>
    </message>
    <message>
        <source>Show the names of the node groups</source>
        <translation>Die Namen der Lymphknotengruppen zeigen</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Über</translation>
    </message>
    <message>
        <source>About this app</source>
        <translation>Über diese App</translation>
    </message>
    <message>
        <source>Safety…</source>
        <translation>Sicherheit…</translation>
    </message>
    <message>
        <source>Who should ask a clinician first, how light, when to stop</source>
        <translation>Wann du vorher ärztlichen oder therapeutischen Rat brauchst, wie leicht du massierst und wann du aufhörst</translation>
    </message>
    <message>
        <source>About the routines…</source>
        <translation>Über die Routinen…</translation>
    </message>
    <message>
        <source>Why this order and this pace, with sources</source>
        <translation>Warum diese Reihenfolge und dieses Tempo, mit Quellen</translation>
    </message>
    <message>
        <source>Save as favourite…</source>
        <translation>Als Favorit speichern…</translation>
    </message>
    <message>
        <source>Save this routine as a favourite</source>
        <translation>Diese Routine als Favorit speichern</translation>
    </message>
    <message>
        <source>Edit routine…</source>
        <translation>Routine bearbeiten…</translation>
    </message>
    <message>
        <source>Change the steps of this routine</source>
        <translation>Die Schritte dieser Routine ändern</translation>
    </message>
    <message>
        <source>Favourites…</source>
        <translation>Favoriten…</translation>
    </message>
    <message>
        <source>Start, rename, star, reorder or delete saved routines</source>
        <translation>Gespeicherte Routinen starten, umbenennen, markieren, ordnen oder löschen</translation>
    </message>
    <message>
        <source>History…</source>
        <translation>Verlauf…</translation>
    </message>
    <message>
        <source>When you massaged, how long, and your streak</source>
        <translation>Wann und wie lange du massiert hast, und deine Serie</translation>
    </message>
    <message>
        <source>Import routine…</source>
        <translation>Routine importieren…</translation>
    </message>
    <message>
        <source>Add a routine file to your favourites</source>
        <translation>Eine Routinedatei zu deinen Favoriten hinzufügen</translation>
    </message>
    <message>
        <source>Export routine…</source>
        <translation>Routine exportieren…</translation>
    </message>
    <message>
        <source>Write this routine to a file</source>
        <translation>Diese Routine in eine Datei schreiben</translation>
    </message>
    <message>
        <source>Print or save as PDF…</source>
        <translation>Drucken oder als PDF speichern…</translation>
    </message>
    <message>
        <source>A handout of this routine as you do it, with a drawing for each step</source>
        <translation>Ein Übungsblatt dieser Routine, so wie du sie machst, mit einer Zeichnung für jeden Schritt</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sitzung</translation>
    </message>
    <message>
        <source>&amp;Session</source>
        <translation>&amp;Sitzung</translation>
    </message>
    <message>
        <source>&amp;Routine</source>
        <translation>&amp;Routine</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
</context>
<context>
    <name>WindowDialogs</name>
    <message>
        <source>About</source>
        <translation>Über</translation>
    </message>
    <message>
        <source>&lt;p&gt;A pacing and memory aid for the gentle self-lymphatic drainage of the face and neck that lymphoedema therapists teach. It is not a treatment and does not replace your therapist. It makes no claim about skin oil, toxins, immunity or any other effect: any effect on puffiness is likely small and short-lived.&lt;/p&gt;&lt;p&gt;Everything stays on this computer. Licensed under the GNU GPL, version 3 or later.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Eine Takt- und Gedächtnishilfe für die sanfte Selbst-Lymphdrainage von Gesicht und Hals, die Lymphtherapeutinnen und Lymphtherapeuten lehren. Sie ist keine Behandlung und ersetzt deine Lymphtherapeutin oder deinen Lymphtherapeuten nicht. Sie verspricht keine Wirkung auf Hautfett, Giftstoffe, das Immunsystem oder sonst etwas: Ein verquollenes Gesicht schwillt dadurch, wenn überhaupt, wohl nur wenig und nur kurz ab.&lt;/p&gt;&lt;p&gt;Alles bleibt auf diesem Computer. Lizenziert unter der GNU GPL, Version 3 oder neuer.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Save as favourite</source>
        <translation>Als Favorit speichern</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>{name} (copy)</source>
        <translation>{name} (Kopie)</translation>
    </message>
    <message>
        <source>{name} (my version)</source>
        <translation>{name} (meine Version)</translation>
    </message>
    <message>
        <source>Name (the areas you skip are left out of it):</source>
        <translation>Name (die Bereiche, die du auslässt, sind darin weggelassen):</translation>
    </message>
    <message>
        <source>Import a routine</source>
        <translation>Routine importieren</translation>
    </message>
    <message>
        <source>Routine files (*.json)</source>
        <translation>Routinedateien (*.json)</translation>
    </message>
    <message>
        <source>Cannot import</source>
        <translation>Import nicht möglich</translation>
    </message>
    <message>
        <source>Imported “{name}” into your favourites.</source>
        <translation>„{name}“ ist jetzt in deinen Favoriten.</translation>
    </message>
    <message>
        <source>Export the routine</source>
        <translation>Routine exportieren</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation>Export nicht möglich</translation>
    </message>
    <message>
        <source>No session log is kept in this window.</source>
        <translation>In diesem Fenster wird kein Sitzungsverlauf geführt.</translation>
    </message>
</context>
<context>
    <name>_RateSlider</name>
    <message>
        <source>slower</source>
        <translation>langsamer</translation>
    </message>
    <message>
        <source>faster</source>
        <translation>schneller</translation>
    </message>
    <message>
        <source>faster: {step} of {steps}</source>
        <translation>schneller: {step} von {steps}</translation>
    </message>
    <message>
        <source>slower: {step} of {steps}</source>
        <translation>langsamer: {step} von {steps}</translation>
    </message>
    <message>
        <source>normal</source>
        <translation>normal</translation>
    </message>
</context>
<context>
    <name>anatomy</name>
    <message>
        <source>Collarbone hollow</source>
        <translation>Schlüsselbeingrube</translation>
    </message>
    <message>
        <source>collarbone hollow</source>
        <translation>Schlüsselbeingrube</translation>
    </message>
    <message>
        <source>toward the collarbone</source>
        <translation>Richtung Schlüsselbein</translation>
    </message>
    <message>
        <source>Side of the neck</source>
        <translation>Halsseite</translation>
    </message>
    <message>
        <source>side of the neck</source>
        <translation>Halsseite</translation>
    </message>
    <message>
        <source>down the side of the neck</source>
        <translation>an der Halsseite abwärts</translation>
    </message>
    <message>
        <source>Under the jaw</source>
        <translation>Unter dem Kiefer</translation>
    </message>
    <message>
        <source>under the jaw</source>
        <translation>unter dem Kiefer</translation>
    </message>
    <message>
        <source>toward the nodes under the jaw</source>
        <translation>Richtung Lymphknoten unter dem Kiefer</translation>
    </message>
    <message>
        <source>Under the chin</source>
        <translation>Unter dem Kinn</translation>
    </message>
    <message>
        <source>under the chin</source>
        <translation>unter dem Kinn</translation>
    </message>
    <message>
        <source>toward the middle under the chin</source>
        <translation>zur Mitte unter dem Kinn</translation>
    </message>
    <message>
        <source>In front of the ear</source>
        <translation>Vor dem Ohr</translation>
    </message>
    <message>
        <source>in front of the ear</source>
        <translation>vor dem Ohr</translation>
    </message>
    <message>
        <source>toward the front of the ear</source>
        <translation>zur Stelle vor dem Ohr</translation>
    </message>
    <message>
        <source>Behind the ear</source>
        <translation>Hinter dem Ohr</translation>
    </message>
    <message>
        <source>behind the ear</source>
        <translation>hinter dem Ohr</translation>
    </message>
    <message>
        <source>down behind the ear</source>
        <translation>hinter dem Ohr abwärts</translation>
    </message>
    <message>
        <source>Base of the skull</source>
        <translation>Hinterkopf</translation>
    </message>
    <message>
        <source>base of the skull</source>
        <translation>Hinterkopf</translation>
    </message>
    <message>
        <source>toward the base of the skull</source>
        <translation>Richtung Hinterkopf</translation>
    </message>
    <message>
        <source>Armpit</source>
        <translation>Achsel</translation>
    </message>
    <message>
        <source>armpit</source>
        <translation>Achsel</translation>
    </message>
    <message>
        <source>toward the armpit</source>
        <translation>Richtung Achsel</translation>
    </message>
    <message>
        <source>Breathing</source>
        <translation>Atmung</translation>
    </message>
    <message>
        <source>breathing</source>
        <translation>Atmung</translation>
    </message>
    <message>
        <source>Back of the neck</source>
        <translation>Nacken</translation>
    </message>
    <message>
        <source>back of the neck</source>
        <translation>Nacken</translation>
    </message>
    <message>
        <source>Behind the ears</source>
        <translation>Hinter den Ohren</translation>
    </message>
    <message>
        <source>behind the ears</source>
        <translation>hinter den Ohren</translation>
    </message>
    <message>
        <source>In front of the ears</source>
        <translation>Vor den Ohren</translation>
    </message>
    <message>
        <source>in front of the ears</source>
        <translation>vor den Ohren</translation>
    </message>
    <message>
        <source>Jawline</source>
        <translation>Kieferlinie</translation>
    </message>
    <message>
        <source>jawline</source>
        <translation>Kieferlinie</translation>
    </message>
    <message>
        <source>Chin</source>
        <translation>Kinn</translation>
    </message>
    <message>
        <source>chin</source>
        <translation>Kinn</translation>
    </message>
    <message>
        <source>Upper lip</source>
        <translation>Oberlippe</translation>
    </message>
    <message>
        <source>upper lip</source>
        <translation>Oberlippe</translation>
    </message>
    <message>
        <source>Cheeks</source>
        <translation>Wangen</translation>
    </message>
    <message>
        <source>cheeks</source>
        <translation>Wangen</translation>
    </message>
    <message>
        <source>Beside the nose</source>
        <translation>Neben der Nase</translation>
    </message>
    <message>
        <source>beside the nose</source>
        <translation>neben der Nase</translation>
    </message>
    <message>
        <source>Under the eyes</source>
        <translation>Unter den Augen</translation>
    </message>
    <message>
        <source>under the eyes</source>
        <translation>unter den Augen</translation>
    </message>
    <message>
        <source>Temples</source>
        <translation>Schläfen</translation>
    </message>
    <message>
        <source>temples</source>
        <translation>Schläfen</translation>
    </message>
    <message>
        <source>Forehead</source>
        <translation>Stirn</translation>
    </message>
    <message>
        <source>forehead</source>
        <translation>Stirn</translation>
    </message>
    <message>
        <source>Upper chest</source>
        <translation>Oberer Brustkorb</translation>
    </message>
    <message>
        <source>upper chest</source>
        <translation>oberer Brustkorb</translation>
    </message>
    <message>
        <source>Pulse: never press here</source>
        <translation>Puls der Halsschlagader: hier nie drücken</translation>
    </message>
</context>
<context>
    <name>diary</name>
    <message>
        <source>Around the neck</source>
        <translation>Um den Hals</translation>
    </message>
    <message>
        <source>Round the middle of your neck, at the same height each time (for example just below the Adam&apos;s apple), the tape flat and snug but not pressing.</source>
        <translation>Um die Mitte deines Halses, jedes Mal auf derselben Höhe (zum Beispiel knapp unter dem Adamsapfel), das Maßband flach und anliegend, aber ohne zu drücken.</translation>
    </message>
    <message>
        <source>Ear to ear under the chin</source>
        <translation>Ohr zu Ohr unter dem Kinn</translation>
    </message>
    <message>
        <source>From where one ear lobe joins the cheek, down under your chin, to the same place at the other ear.</source>
        <translation>Von der Stelle, wo ein Ohrläppchen in die Wange übergeht, unter dem Kinn hindurch bis zur gleichen Stelle am anderen Ohr.</translation>
    </message>
    <message>
        <source>Ear to mouth corner, left</source>
        <translation>Ohr bis Mundwinkel, links</translation>
    </message>
    <message>
        <source>From the small flap in front of your left ear (the tragus) to the left corner of your mouth, mouth closed and relaxed.</source>
        <translation>Vom kleinen Knorpel vor deinem linken Ohr (dem Tragus) bis zu deinem linken Mundwinkel, den Mund geschlossen und entspannt.</translation>
    </message>
    <message>
        <source>Ear to mouth corner, right</source>
        <translation>Ohr bis Mundwinkel, rechts</translation>
    </message>
    <message>
        <source>From the small flap in front of your right ear (the tragus) to the right corner of your mouth, mouth closed and relaxed.</source>
        <translation>Vom kleinen Knorpel vor deinem rechten Ohr (dem Tragus) bis zu deinem rechten Mundwinkel, den Mund geschlossen und entspannt.</translation>
    </message>
    <message>
        <source>Swelling</source>
        <translation>Schwellung</translation>
    </message>
    <message>
        <source>Tightness</source>
        <translation>Spannung</translation>
    </message>
    <message>
        <source>{field}: “{text}” is not a number.</source>
        <translation>{field}: „{text}“ ist keine Zahl.</translation>
    </message>
    <message>
        <source>{field}: choose a number from 0 to 10.</source>
        <translation>{field}: Wähle eine Zahl von 0 bis 10.</translation>
    </message>
    <message>
        <source>{field}: {value} is not a whole number from 0 to 10.</source>
        <translation>{field}: {value} ist keine ganze Zahl von 0 bis 10.</translation>
    </message>
    <message>
        <source>{field}: “{text}” is not a number of centimetres.</source>
        <translation>{field}: „{text}“ ist keine Zahl in Zentimetern.</translation>
    </message>
    <message>
        <source>{field}: {value} cm cannot be right: a measurement is more than 0.</source>
        <translation>{field}: {value} cm kann nicht stimmen: Ein Messwert ist größer als 0.</translation>
    </message>
    <message>
        <source>{field}: {value} cm is outside {low} to {high} cm: check the tape reading (centimetres, not inches).</source>
        <translation>{field}: {value} cm liegt außerhalb von {low} bis {high} cm: Prüfe den Wert auf dem Maßband (Zentimeter, nicht Zoll).</translation>
    </message>
    <message>
        <source>Note: {count} characters is too long (at most {limit}).</source>
        <translation>Notiz: {count} Zeichen sind zu lang (höchstens {limit}).</translation>
    </message>
    <message>
        <source>This diary is for you and your therapist: how the swelling and tightness feel, and tape measurements if you take them. It does not tell what caused a change, and one reading on its own says little: look at the trend over weeks, measured the same way at the same time of day.</source>
        <translation>Dieses Tagebuch ist für dich und deine Therapeutin oder deinen Therapeuten: wie sich Schwellung und Spannung anfühlen, und Maßband-Messungen, wenn du welche machst. Es sagt nicht, was eine Veränderung bewirkt hat, und ein einzelner Wert sagt wenig: Achte auf den Verlauf über Wochen, gemessen auf dieselbe Weise zur selben Tageszeit.</translation>
    </message>
    <message>
        <source>Tell your doctor soon about new swelling or swelling that grows quickly, a new lump, or swelling with redness, warmth or fever. Do not massage it: have it checked first.</source>
        <translation>Sag deiner Ärztin oder deinem Arzt bald Bescheid bei neuer oder schnell wachsender Schwellung, einem neuen Knoten oder einer Schwellung mit Rötung, Wärme oder Fieber. Massiere sie nicht: Lass sie zuerst untersuchen.</translation>
    </message>
    <message>
        <source>The measuring points follow the tape measurements head and neck clinics use, kept to the ones you can take alone with a tape and a mirror: neck circumference was the most reliable (Van Aperen and others, Cancers 2025; Chotipanich and Kongpit, PLoS One 2020), and ear to mouth corner the most precise of the facial distances (Chotipanich and Kongpit). Tightness and swelling are among the symptoms that differ in people with head and neck lymphoedema (Deng and others, LSIDS-H&amp;N, Supportive Care in Cancer). The 0 to 10 ratings here are a simple scale of this app, not that questionnaire.</source>
        <translation>Die Messpunkte folgen den Maßband-Messungen, die Kopf-Hals-Kliniken verwenden, beschränkt auf die, die du allein mit Maßband und Spiegel nehmen kannst: Der Halsumfang war am zuverlässigsten (Van Aperen und andere, Cancers 2025; Chotipanich und Kongpit, PLoS One 2020), Ohr bis Mundwinkel die genaueste der Gesichtsstrecken (Chotipanich und Kongpit). Spannung und Schwellung gehören zu den Beschwerden, die sich bei Menschen mit Kopf-Hals-Lymphödem unterscheiden (Deng und andere, LSIDS-H&amp;N, Supportive Care in Cancer). Die Werte von 0 bis 10 hier sind eine einfache Skala dieser App, nicht dieser Fragebogen.</translation>
    </message>
</context>
<context>
    <name>history</name>
    <message>
        <source>integrity check failed ({problem})</source>
        <translation>Integritätsprüfung fehlgeschlagen ({problem})</translation>
    </message>
    <message>
        <source>{path}: cannot open the session history ({error}): sessions are not recorded this time.</source>
        <translation>{path}: Der Sitzungsverlauf lässt sich nicht öffnen ({error}): Sitzungen werden diesmal nicht aufgezeichnet.</translation>
    </message>
    <message>
        <source>{path}: {reason}. It could not be moved aside: sessions are not recorded this time.</source>
        <translation>{path}: {reason}. Die Datei ließ sich nicht beiseitelegen: Sitzungen werden diesmal nicht aufgezeichnet.</translation>
    </message>
    <message>
        <source>{path}: {reason}. It was moved to {name}, but a new history cannot be started ({error}).</source>
        <translation>{path}: {reason}. Die Datei wurde als {name} beiseitegelegt, aber ein neuer Verlauf lässt sich nicht anlegen ({error}).</translation>
    </message>
    <message>
        <source>{path}: {reason}. It was moved to {name}. Starting a new session history.</source>
        <translation>{path}: {reason}. Die Datei wurde als {name} beiseitegelegt. Ein neuer Sitzungsverlauf beginnt.</translation>
    </message>
    <message>
        <source>not an SQLite database</source>
        <translation>keine SQLite-Datenbank</translation>
    </message>
    <message>
        <source>the file is cut short</source>
        <translation>die Datei ist unvollständig</translation>
    </message>
    <message>
        <source>{path} was written by a newer version of massage-gui (schema {version}): showing it read-only; new sessions are not recorded.</source>
        <translation>{path} stammt von einer neueren Version von massage-gui (Schema {version}): Der Verlauf wird nur angezeigt; neue Sitzungen werden nicht aufgezeichnet.</translation>
    </message>
    <message>
        <source>not a massage-gui history (it holds other tables)</source>
        <translation>kein Verlauf von massage-gui (die Datei enthält andere Tabellen)</translation>
    </message>
    <message>
        <source>{path}: cannot upgrade the session history from schema {version} ({error}): showing it read-only; new sessions are not recorded.</source>
        <translation>{path}: Der Sitzungsverlauf lässt sich nicht von Schema {version} aktualisieren ({error}): Er wird nur angezeigt; neue Sitzungen werden nicht aufgezeichnet.</translation>
    </message>
    <message>
        <source>not a massage-gui history (no {columns})</source>
        <translation>kein Verlauf von massage-gui (ohne {columns})</translation>
    </message>
    <message>
        <source>schema {version} has no {columns}</source>
        <translation>Schema {version} ohne {columns}</translation>
    </message>
    <message>
        <source>{path}: cannot read the session history ({error}); the app moves it aside when it next starts.</source>
        <translation>{path}: Der Sitzungsverlauf lässt sich nicht lesen ({error}); die App legt ihn beim nächsten Start beiseite.</translation>
    </message>
    <message>
        <source>{path}: cannot write the session history ({error})</source>
        <translation>{path}: Der Sitzungsverlauf lässt sich nicht speichern ({error})</translation>
    </message>
    <message>
        <source>{path}: the new session got no id</source>
        <translation>{path}: Die neue Sitzung hat keine ID bekommen</translation>
    </message>
    <message>
        <source>{path}: the new diary entry got no id</source>
        <translation>{path}: Der neue Tagebucheintrag hat keine Nummer bekommen</translation>
    </message>
    <message>
        <source>{path}: cannot read the session history ({error})</source>
        <translation>{path}: Der Sitzungsverlauf lässt sich nicht lesen ({error})</translation>
    </message>
    <message>
        <source>You have massaged on {count} days in a row.</source>
        <translation>Du hast an {count} Tagen in Folge massiert.</translation>
    </message>
    <message>
        <source>You have massaged on {count} days in a row, up to yesterday.</source>
        <translation>Du hast bis gestern an {count} Tagen in Folge massiert.</translation>
    </message>
    <message>
        <source>You massaged today.</source>
        <translation>Du hast heute massiert.</translation>
    </message>
    <message>
        <source>You massaged yesterday.</source>
        <translation>Du hast gestern massiert.</translation>
    </message>
    <message>
        <source>Start a new run any day.</source>
        <translation>Fang an einem beliebigen Tag neu an.</translation>
    </message>
    <message>
        <source>Your longest run so far: {count} days in a row.</source>
        <translation>Deine längste Serie bisher: {count} Tage in Folge.</translation>
    </message>
    <message>
        <source>{seconds} s</source>
        <translation>{seconds} s</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} min</translation>
    </message>
    <message>
        <source>{hours} h {minutes} min</source>
        <translation>{hours} h {minutes} min</translation>
    </message>
</context>
<context>
    <name>plan</name>
    <message>
        <source>the collarbone hollow</source>
        <translation>die Schlüsselbeingrube</translation>
    </message>
    <message>
        <source>the side of the neck</source>
        <translation>die Halsseite</translation>
    </message>
    <message>
        <source>the back of the neck</source>
        <translation>den Nacken</translation>
    </message>
    <message>
        <source>Step {number} ({area}) comes before the neck and collarbone are cleared: clear the outlets first.</source>
        <translation>Schritt {number} ({area}) kommt, bevor Hals und Schlüsselbeingrube frei sind: Mach zuerst die Abflüsse frei.</translation>
    </message>
    <message>
        <source>{first} and {last}</source>
        <translation>{first} und {last}</translation>
    </message>
    <message>
        <source>Skipping {outlets} leaves the face without a cleared outlet: the face drains through the neck to the collarbone hollow.</source>
        <translation>Wenn du {outlets} auslässt, fehlt dem Gesicht ein freier Abfluss: Es fließt über den Hals zur Schlüsselbeingrube ab.</translation>
    </message>
    <message>
        <source>This routine is for neck lymph nodes treated on one side. Set your treated side (Safety, or Preferences) and that side&apos;s strokes go another way; until then they go the usual way.</source>
        <translation>Diese Routine ist für Halslymphknoten, die auf einer Seite behandelt wurden. Gib deine behandelte Seite an (Sicherheit oder Einstellungen), dann gehen die Striche dieser Seite einen anderen Weg; bis dahin gehen sie den üblichen.</translation>
    </message>
    <message>
        <source>This routine is for neck lymph nodes treated on both sides. Set that (Safety, or Preferences) and the strokes go to the armpits; until then they go the usual way.</source>
        <translation>Diese Routine ist für Halslymphknoten, die auf beiden Seiten behandelt wurden. Gib das an (Sicherheit oder Einstellungen), dann gehen die Striche zu den Achseln; bis dahin gehen sie den üblichen Weg.</translation>
    </message>
    <message>
        <source>This routine is for one treated side; you set both, so both sides are rerouted.</source>
        <translation>Diese Routine ist für eine behandelte Seite; du hast beide angegeben, also werden beide Seiten umgeleitet.</translation>
    </message>
    <message>
        <source>This routine is for both sides treated; you set only your {side} side, so only it is rerouted.</source>
        <translation>Diese Routine ist für beide behandelten Seiten; du hast nur {side} angegeben, also wird nur diese Seite umgeleitet.</translation>
    </message>
    <message>
        <source>Your neck lymph nodes were treated on both sides, so the fluid goes to the armpits.</source>
        <translation>Deine Halslymphknoten wurden auf beiden Seiten behandelt, deshalb fließt die Flüssigkeit zu den Achseln.</translation>
    </message>
    <message>
        <source>Your neck lymph nodes were treated on the {side} side, so the fluid on that side goes another way.</source>
        <translation>Deine Halslymphknoten wurden {side} behandelt, deshalb nimmt die Flüssigkeit auf dieser Seite einen anderen Weg.</translation>
    </message>
    <message>
        <source>Follow your therapist’s plan where it differs.</source>
        <translation>Wo der Plan deiner Lymphtherapeutin oder deines Lymphtherapeuten abweicht, folge ihm.</translation>
    </message>
    <message>
        <source>Step {numbers} clears the new way first.</source>
        <translation>Schritt {numbers} macht zuerst den neuen Weg frei.</translation>
    </message>
    <message>
        <source>Steps {numbers} clear the new way first.</source>
        <translation>Die Schritte {numbers} machen zuerst den neuen Weg frei.</translation>
    </message>
    <message>
        <source>Step {numbers}: the face is stroked across the middle to the other side.</source>
        <translation>Schritt {numbers}: Das Gesicht wird über die Mitte zur anderen Seite ausgestrichen.</translation>
    </message>
    <message>
        <source>Steps {numbers}: the face is stroked across the middle to the other side.</source>
        <translation>Schritte {numbers}: Das Gesicht wird über die Mitte zur anderen Seite ausgestrichen.</translation>
    </message>
    <message>
        <source>Step {numbers}: stroked down over the collarbone toward the armpit.</source>
        <translation>Schritt {numbers}: abwärts über das Schlüsselbein Richtung Achsel ausgestrichen.</translation>
    </message>
    <message>
        <source>Steps {numbers}: stroked down over the collarbone toward the armpit.</source>
        <translation>Schritte {numbers}: abwärts über das Schlüsselbein Richtung Achsel ausgestrichen.</translation>
    </message>
    <message>
        <source>Row {number} ({area}) comes before the neck and collarbone are cleared: clear the outlets first.</source>
        <translation>Zeile {number} ({area}) kommt, bevor Hals und Schlüsselbeingrube frei sind: Mach zuerst die Abflüsse frei.</translation>
    </message>
    <message>
        <source>Row {number} ({area}) would make strokes of {seconds} s: slowed to 1 s, the fastest a stroke may be.</source>
        <translation>Zeile {number} ({area}) hätte Striche von {seconds} s: auf 1 s verlangsamt, schneller darf ein Strich nicht sein.</translation>
    </message>
    <message>
        <source>Row {numbers}: on the treated side, the face is stroked across the middle to the other side.</source>
        <translation>Zeile {numbers}: Auf der behandelten Seite wird das Gesicht über die Mitte zur anderen Seite ausgestrichen.</translation>
    </message>
    <message>
        <source>Rows {numbers}: on the treated side, the face is stroked across the middle to the other side.</source>
        <translation>Zeilen {numbers}: Auf der behandelten Seite wird das Gesicht über die Mitte zur anderen Seite ausgestrichen.</translation>
    </message>
    <message>
        <source>Row {numbers}: on a treated side, stroked down over the collarbone toward the armpit.</source>
        <translation>Zeile {numbers}: auf einer behandelten Seite abwärts über das Schlüsselbein Richtung Achsel ausgestrichen.</translation>
    </message>
    <message>
        <source>Rows {numbers}: on a treated side, stroked down over the collarbone toward the armpit.</source>
        <translation>Zeilen {numbers}: auf einer behandelten Seite abwärts über das Schlüsselbein Richtung Achsel ausgestrichen.</translation>
    </message>
    <message>
        <source>The session adds one step to clear the new way first, before row {row}.</source>
        <translation>Vor Zeile {row} fügt die Sitzung einen Schritt ein, der zuerst den neuen Weg frei macht.</translation>
    </message>
    <message>
        <source>The session adds {count} steps to clear the new way first, before row {row}.</source>
        <translation>Vor Zeile {row} fügt die Sitzung {count} Schritte ein, die zuerst den neuen Weg frei machen.</translation>
    </message>
    <message>
        <source>The session adds one step to clear the new way first, in row {row} before its treated side.</source>
        <translation>In Zeile {row} fügt die Sitzung vor der behandelten Seite einen Schritt ein, der zuerst den neuen Weg frei macht.</translation>
    </message>
    <message>
        <source>The session adds {count} steps to clear the new way first, in row {row} before its treated side.</source>
        <translation>In Zeile {row} fügt die Sitzung vor der behandelten Seite {count} Schritte ein, die zuerst den neuen Weg frei machen.</translation>
    </message>
    <message>
        <source>Step {number} ({area}) would make strokes of {seconds} s: slowed to 1 s, the fastest a stroke may be.</source>
        <translation>Schritt {number} ({area}) hätte Striche von {seconds} s: auf 1 s verlangsamt, schneller darf ein Strich nicht sein.</translation>
    </message>
</context>
<context>
    <name>reminders</name>
    <message>
        <source>Time for your morning routine, {minutes} minutes</source>
        <translation>Zeit für deine Morgenroutine, {minutes} Minuten</translation>
    </message>
    <message>
        <source>Time for your midday routine, {minutes} minutes</source>
        <translation>Zeit für deine Mittagsroutine, {minutes} Minuten</translation>
    </message>
    <message>
        <source>Time for your afternoon routine, {minutes} minutes</source>
        <translation>Zeit für deine Nachmittagsroutine, {minutes} Minuten</translation>
    </message>
    <message>
        <source>Time for your evening routine, {minutes} minutes</source>
        <translation>Zeit für deine Abendroutine, {minutes} Minuten</translation>
    </message>
</context>
<context>
    <name>routine_errors</name>
    <message>
        <source>{first} or {last}</source>
        <translation>{first} oder {last}</translation>
    </message>
    <message>
        <source>Step {number} is not written as a step.</source>
        <translation>Schritt {number} ist nicht als Schritt geschrieben.</translation>
    </message>
    <message>
        <source>Step {number}: “{key}” is missing.</source>
        <translation>Schritt {number}: „{key}“ fehlt.</translation>
    </message>
    <message>
        <source>Step {number}: “{area}” is not an area this app knows.</source>
        <translation>Schritt {number}: „{area}“ ist kein Bereich, den diese App kennt.</translation>
    </message>
    <message>
        <source>Step {number}: “{stroke}” is not a stroke here: use circles, stretch or sweep (breath only for breathing).</source>
        <translation>Schritt {number}: „{stroke}“ ist hier kein Strich: Nimm circles, stretch oder sweep (breath nur beim Atmen).</translation>
    </message>
    <message>
        <source>Step {number}: a breathing step has no “toward”.</source>
        <translation>Schritt {number}: Ein Atemschritt hat kein „toward“.</translation>
    </message>
    <message>
        <source>Step {number}: strokes on the {area} go toward {allowed}, not {got}.</source>
        <translation>Schritt {number}: Im Bereich „{area}“ gehen die Striche Richtung {allowed}, nicht {got}.</translation>
    </message>
    <message>
        <source>The armpit is only the way round a treated neck side: set that side in Preferences, and the app sends these strokes there.</source>
        <translation>Die Achsel ist nur der Umweg für eine behandelte Halsseite: Gib diese Seite in den Einstellungen an, dann führt die App diese Striche dorthin.</translation>
    </message>
    <message>
        <source>Step {number}: give 1 to {max} strokes, not {reps}.</source>
        <translation>Schritt {number}: Gib 1 bis {max} Striche an, nicht {reps}.</translation>
    </message>
    <message>
        <source>Step {number}: {problem}</source>
        <translation>Schritt {number}: {problem}</translation>
    </message>
</context>
<context>
    <name>routines</name>
    <message>
        <source>In through the nose, belly rises</source>
        <translation>Atme durch die Nase ein, der Bauch hebt sich</translation>
    </message>
    <message>
        <source>Flat fingers in the hollows</source>
        <translation>Leg die Finger flach in die Gruben</translation>
    </message>
    <message>
        <source>Soft circles, then let go</source>
        <translation>Mach sanfte stehende Kreise, dann lass los</translation>
    </message>
    <message>
        <source>Quick</source>
        <translation>Kurz</translation>
    </message>
    <message>
        <source>Breathing, the collarbone and the neck, the outlets by the ear and under the jaw, then the cheeks, under the eyes and the forehead, and back. Five strokes at each spot. For busy mornings.</source>
        <translation>Atmung, Schlüsselbein und Hals, die Abflüsse am Ohr und unter dem Kiefer, dann Wangen, unter den Augen und Stirn, und zurück. Fünf Griffe an jeder Stelle. Für eilige Morgen.</translation>
    </message>
    <message>
        <source>Low on the neck first, then higher</source>
        <translation>Fang unten am Hals an, dann weiter oben</translation>
    </message>
    <message>
        <source>Under the jaw, angle first</source>
        <translation>Unter dem Kiefer, erst am Kieferwinkel</translation>
    </message>
    <message>
        <source>Palms flat, low cheek first</source>
        <translation>Handflächen flach, erst unten an der Wange</translation>
    </message>
    <message>
        <source>Lightest touch, outer side first</source>
        <translation>Ganz leicht, erst außen</translation>
    </message>
    <message>
        <source>Slowly, temples first</source>
        <translation>Langsam, erst an den Schläfen</translation>
    </message>
    <message>
        <source>Down toward the collarbone</source>
        <translation>Abwärts zum Schlüsselbein</translation>
    </message>
    <message>
        <source>Finish where you began</source>
        <translation>Schließ dort ab, wo du begonnen hast</translation>
    </message>
    <message>
        <source>Slow breaths, shoulders soft</source>
        <translation>Atme langsam, lass die Schultern locker</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>The face and neck sequence as it is usually taught: the collarbone and the neck first, the outlets by the ears and the jaw, then the face from the nodes outward, and back. Six strokes at each spot.</source>
        <translation>Die Abfolge für Gesicht und Hals, wie sie meist gelehrt wird: zuerst Schlüsselbein und Hals, die Abflüsse an den Ohren und am Kiefer, dann das Gesicht von den Lymphknoten nach außen, und zurück. Sechs Griffe an jeder Stelle.</translation>
    </message>
    <message>
        <source>Below the ear, then down</source>
        <translation>Unter dem Ohr, dann abwärts</translation>
    </message>
    <message>
        <source>Along the jaw, angle first</source>
        <translation>Am Kiefer entlang, erst am Kieferwinkel</translation>
    </message>
    <message>
        <source>Out and down toward the jaw</source>
        <translation>Nach außen und unten zum Kiefer</translation>
    </message>
    <message>
        <source>Thorough</source>
        <translation>Gründlich</translation>
    </message>
    <message>
        <source>Every area and direction, seven strokes at each spot, with the back of the neck up to the skull and behind the ears. The outlets are cleared again between the lower and the upper face.</source>
        <translation>Alle Bereiche und Richtungen, sieben Griffe an jeder Stelle, mit dem Nacken bis zum Hinterkopf und hinter den Ohren. Zwischen unterem und oberem Gesicht werden die Abflüsse noch einmal frei gemacht.</translation>
    </message>
    <message>
        <source>Out along the chin to the jaw</source>
        <translation>Am Kinn entlang nach außen zum Kiefer</translation>
    </message>
    <message>
        <source>Lightly, down toward the jaw</source>
        <translation>Ganz leicht, abwärts zum Kiefer</translation>
    </message>
    <message>
        <source>Clear the hollows again</source>
        <translation>Mach die Gruben noch einmal frei</translation>
    </message>
    <message>
        <source>Clear the neck again, low first</source>
        <translation>Mach den Hals noch einmal frei, unten zuerst</translation>
    </message>
    <message>
        <source>Neck and collarbone</source>
        <translation>Hals und Schlüsselbein</translation>
    </message>
    <message>
        <source>Only the outlets: the collarbone hollows, the side and back of the neck, and in front of the ears. A good start, or for days the face is tender.</source>
        <translation>Nur die Abflüsse: Schlüsselbeingruben, Halsseiten, Nacken und vor den Ohren. Ein guter Einstieg, oder für Tage, an denen das Gesicht empfindlich ist.</translation>
    </message>
    <message>
        <source>Slow evening</source>
        <translation>Langsam am Abend</translation>
    </message>
    <message>
        <source>A calmer pass at a slower pace: the collarbone and the neck, the outlets by the ears and under the jaw, the jaw, upper lip, cheeks, under the eyes and the forehead, and back. It leaves out the chin, the nose and the temples. Longer breathing to wind down.</source>
        <translation>Ein ruhigerer Durchgang in langsamerem Tempo: Schlüsselbein und Hals, die Abflüsse an den Ohren und unter dem Kiefer, Kiefer, Oberlippe, Wangen, unter den Augen und Stirn, und zurück. Kinn, Nase und Schläfen lässt er aus. Längere Atmung zum Abschalten.</translation>
    </message>
    <message>
        <source>One side treated</source>
        <translation>Eine Seite behandelt</translation>
    </message>
    <message>
        <source>For neck lymph nodes removed or treated with radiotherapy on one side: set that side on the safety screen or in Preferences. The working side is cleared first; the treated side&apos;s face is then stroked across the middle and its neck down toward the armpit. Five strokes at each spot. Follow your therapist&apos;s own plan where it differs: they know what was treated and which way your fluid can go.</source>
        <translation>Für Halslymphknoten, die auf einer Seite entfernt oder bestrahlt wurden: Gib diese Seite im Sicherheitsbildschirm oder in den Einstellungen an. Zuerst wird die gesunde Seite frei gemacht; dann wird das Gesicht der behandelten Seite über die Mitte ausgestrichen und ihr Hals abwärts Richtung Achsel. Fünf Striche an jeder Stelle. Wo der Plan deiner Lymphtherapeutin oder deines Lymphtherapeuten abweicht, folge ihm: Sie wissen, was behandelt wurde und welchen Weg deine Flüssigkeit nehmen kann.</translation>
    </message>
    <message>
        <source>Both sides treated</source>
        <translation>Beide Seiten behandelt</translation>
    </message>
    <message>
        <source>For neck lymph nodes removed or treated with radiotherapy on both sides: set that on the safety screen or in Preferences. The armpits and upper chest are cleared first; the face and neck are then stroked down over the collarbones toward the armpits. Five strokes at each spot. Follow your therapist&apos;s own plan where it differs: they know what was treated and which way your fluid can go.</source>
        <translation>Für Halslymphknoten, die auf beiden Seiten entfernt oder bestrahlt wurden: Gib das im Sicherheitsbildschirm oder in den Einstellungen an. Zuerst werden die Achseln und der obere Brustkorb frei gemacht; dann werden Gesicht und Hals abwärts über die Schlüsselbeine Richtung Achseln ausgestrichen. Fünf Striche an jeder Stelle. Wo der Plan deiner Lymphtherapeutin oder deines Lymphtherapeuten abweicht, folge ihm: Sie wissen, was behandelt wurde und welchen Weg deine Flüssigkeit nehmen kann.</translation>
    </message>
    <message>
        <source>Clear toward the armpits again</source>
        <translation>Noch einmal Richtung Achseln frei machen</translation>
    </message>
    <message>
        <source>Hands behind, draw forward and down</source>
        <translation>Hände in den Nacken, zieh die Haut nach vorn und unten</translation>
    </message>
    <message>
        <source>Behind the ears, then down</source>
        <translation>Hinter den Ohren, dann abwärts</translation>
    </message>
    <message>
        <source>Down to under the chin</source>
        <translation>Abwärts bis unters Kinn</translation>
    </message>
    <message>
        <source>Beside the nose, then down</source>
        <translation>Neben der Nase, dann abwärts</translation>
    </message>
    <message>
        <source>Soft circles at the temples</source>
        <translation>Sanfte stehende Kreise an den Schläfen</translation>
    </message>
    <message>
        <source>In front of the ears, then down</source>
        <translation>Vor den Ohren, dann abwärts</translation>
    </message>
    <message>
        <source>Base of the skull, then down</source>
        <translation>Unten am Hinterkopf, dann abwärts</translation>
    </message>
    <message>
        <source>Soft circles behind the ears</source>
        <translation>Sanfte stehende Kreise hinter den Ohren</translation>
    </message>
    <message>
        <source>Out toward the ears</source>
        <translation>Nach außen zu den Ohren</translation>
    </message>
    <message>
        <source>Top of the nose, out toward the ears</source>
        <translation>Oben an der Nase, nach außen zu den Ohren</translation>
    </message>
    <message>
        <source>High on the neck, stretch down</source>
        <translation>Oben am Hals, dehne abwärts</translation>
    </message>
    <message>
        <source>Long, slow breaths out</source>
        <translation>Atme lang und langsam aus</translation>
    </message>
    <message>
        <source>Stretch the skin down, slowly</source>
        <translation>Dehne die Haut langsam nach unten</translation>
    </message>
    <message>
        <source>Let the breath slow down</source>
        <translation>Lass den Atem ruhiger werden</translation>
    </message>
</context>
<context>
    <name>routing</name>
    <message>
        <source>Clear the new way first, gently</source>
        <translation>Zuerst sanft den neuen Weg frei machen</translation>
    </message>
</context>
<context>
    <name>settings</name>
    <message>
        <source>Pace (seconds per stroke)</source>
        <translation>Tempo (Sekunden pro Griff)</translation>
    </message>
    <message>
        <source>Breath length (seconds)</source>
        <translation>Länge eines Atemzugs (Sekunden)</translation>
    </message>
    <message>
        <source>Lead-in before the first step (seconds)</source>
        <translation>Vorlauf vor dem ersten Schritt (Sekunden)</translation>
    </message>
    <message>
        <source>Pause between steps (seconds)</source>
        <translation>Pause zwischen den Schritten (Sekunden)</translation>
    </message>
    <message>
        <source>Areas to skip</source>
        <translation>Bereiche auslassen</translation>
    </message>
    <message>
        <source>Areas to focus on</source>
        <translation>Schwerpunkt-Bereiche</translation>
    </message>
    <message>
        <source>My neck lymph nodes were removed or treated with radiotherapy on</source>
        <translation>Meine Halslymphknoten wurden entfernt oder bestrahlt auf</translation>
    </message>
    <message>
        <source>Neither side</source>
        <translation>Keiner Seite</translation>
    </message>
    <message>
        <source>My left side</source>
        <translation>Meiner linken Seite</translation>
    </message>
    <message>
        <source>My right side</source>
        <translation>Meiner rechten Seite</translation>
    </message>
    <message>
        <source>Both sides</source>
        <translation>Beiden Seiten</translation>
    </message>
    <message>
        <source>Mirror view (your left on the screen&apos;s left)</source>
        <translation>Spiegelansicht (deine linke Seite links im Bild)</translation>
    </message>
    <message>
        <source>Reduce motion (static arrows)</source>
        <translation>Weniger Bewegung (feste Pfeile)</translation>
    </message>
    <message>
        <source>Show node labels</source>
        <translation>Lymphknoten beschriften</translation>
    </message>
    <message>
        <source>Colour scheme</source>
        <translation>Farbschema</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Hoher Kontrast</translation>
    </message>
    <message>
        <source>Sound cues (a chime at each step)</source>
        <translation>Tonsignale (ein Gong bei jedem Schritt)</translation>
    </message>
    <message>
        <source>A soft tick at each stroke</source>
        <translation>Leises Ticken bei jedem Griff</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Lautstärke</translation>
    </message>
    <message>
        <source>Spoken cues (step names and the countdown)</source>
        <translation>Sprachansagen (Schritte und Countdown)</translation>
    </message>
    <message>
        <source>Speaking rate</source>
        <translation>Sprechtempo</translation>
    </message>
    <message>
        <source>Voice (empty: the system&apos;s default)</source>
        <translation>Stimme (leer: Systemstandard)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <source>Deutsch</source>
        <translation>Deutsch</translation>
    </message>
    <message>
        <source>Remind me to do my routine</source>
        <translation>Erinnere mich an meine Routine</translation>
    </message>
    <message>
        <source>Reminder times</source>
        <translation>Uhrzeiten der Erinnerungen</translation>
    </message>
    <message>
        <source>Start massage-gui in the tray when I log in</source>
        <translation>massage-gui bei der Anmeldung im Systembereich starten</translation>
    </message>
    <message>
        <source>Reminders done</source>
        <translation>Erledigte Erinnerungen</translation>
    </message>
    <message>
        <source>Last routine used</source>
        <translation>Zuletzt benutzte Routine</translation>
    </message>
    <message>
        <source>Safety information read</source>
        <translation>Sicherheitshinweise gelesen</translation>
    </message>
</context>
<context>
    <name>spoken</name>
    <message>
        <source>Collarbone</source>
        <translation>Schlüsselbein</translation>
    </message>
    <message>
        <source>Side of neck</source>
        <translation>Halsseite</translation>
    </message>
    <message>
        <source>Back of neck</source>
        <translation>Nacken</translation>
    </message>
    <message>
        <source>Behind the ears</source>
        <translation>Hinter den Ohren</translation>
    </message>
    <message>
        <source>Front of ears</source>
        <translation>Vor den Ohren</translation>
    </message>
    <message>
        <source>Under the chin</source>
        <translation>Unter dem Kinn</translation>
    </message>
    <message>
        <source>Jawline</source>
        <translation>Kieferlinie</translation>
    </message>
    <message>
        <source>Chin</source>
        <translation>Kinn</translation>
    </message>
    <message>
        <source>Upper lip</source>
        <translation>Oberlippe</translation>
    </message>
    <message>
        <source>Cheeks</source>
        <translation>Wangen</translation>
    </message>
    <message>
        <source>Beside the nose</source>
        <translation>Neben der Nase</translation>
    </message>
    <message>
        <source>Under the eyes</source>
        <translation>Unter den Augen</translation>
    </message>
    <message>
        <source>Temples</source>
        <translation>Schläfen</translation>
    </message>
    <message>
        <source>Forehead</source>
        <translation>Stirn</translation>
    </message>
    <message>
        <source>Upper chest</source>
        <translation>Oberer Brustkorb</translation>
    </message>
    <message>
        <source>to the collarbone</source>
        <translation>zum Schlüsselbein</translation>
    </message>
    <message>
        <source>down the neck</source>
        <translation>halsabwärts</translation>
    </message>
    <message>
        <source>to the jaw</source>
        <translation>zum Kiefer</translation>
    </message>
    <message>
        <source>under the chin</source>
        <translation>unters Kinn</translation>
    </message>
    <message>
        <source>to the ear</source>
        <translation>zum Ohr</translation>
    </message>
    <message>
        <source>behind the ear</source>
        <translation>hinters Ohr</translation>
    </message>
    <message>
        <source>to the skull</source>
        <translation>zum Hinterkopf</translation>
    </message>
    <message>
        <source>to the armpit</source>
        <translation>zur Achsel</translation>
    </message>
    <message>
        <source>to the right jaw</source>
        <translation>zum rechten Kiefer</translation>
    </message>
    <message>
        <source>to the right ear</source>
        <translation>zum rechten Ohr</translation>
    </message>
    <message>
        <source>to the right side</source>
        <translation>zur rechten Seite</translation>
    </message>
    <message>
        <source>to the left jaw</source>
        <translation>zum linken Kiefer</translation>
    </message>
    <message>
        <source>to the left ear</source>
        <translation>zum linken Ohr</translation>
    </message>
    <message>
        <source>to the left side</source>
        <translation>zur linken Seite</translation>
    </message>
    <message>
        <source>stretch</source>
        <translation>dehnen</translation>
    </message>
    <message>
        <source>circles</source>
        <translation>stehende Kreise</translation>
    </message>
    <message>
        <source>glide</source>
        <translation>streichen</translation>
    </message>
    <message>
        <source>, left</source>
        <translation>, links</translation>
    </message>
    <message>
        <source>, right</source>
        <translation>, rechts</translation>
    </message>
    <message>
        <source>Breathing: 1 slow breath.</source>
        <translation>Langsam atmen, einmal.</translation>
    </message>
    <message>
        <source>Breathing: {reps} slow breaths.</source>
        <translation>Langsam atmen, {reps}-mal.</translation>
    </message>
    <message>
        <source>{area}{side}: {stroke} {toward}, {reps} times.</source>
        <translation>{area}{side}: {stroke} {toward}, {reps}-mal.</translation>
    </message>
    <message>
        <source>Move your hands on.</source>
        <translation>Setz die Hände weiter.</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Fertig.</translation>
    </message>
</context>
<context>
    <name>words</name>
    <message>
        <source>Left side only: stretch the skin {toward}, then let go</source>
        <translation>Nur links: Dehne die Haut {toward}, dann lass los</translation>
    </message>
    <message>
        <source>Left side only: soft circles, easing the skin {toward}</source>
        <translation>Nur links: Mach sanfte stehende Kreise und nimm die Haut {toward} mit</translation>
    </message>
    <message>
        <source>Left side only: glide lightly {toward}</source>
        <translation>Nur links: Streich leicht {toward}</translation>
    </message>
    <message>
        <source>Right side only: stretch the skin {toward}, then let go</source>
        <translation>Nur rechts: Dehne die Haut {toward}, dann lass los</translation>
    </message>
    <message>
        <source>Right side only: soft circles, easing the skin {toward}</source>
        <translation>Nur rechts: Mach sanfte stehende Kreise und nimm die Haut {toward} mit</translation>
    </message>
    <message>
        <source>Right side only: glide lightly {toward}</source>
        <translation>Nur rechts: Streich leicht {toward}</translation>
    </message>
    <message>
        <source>Stretch the skin {toward}, then let go</source>
        <translation>Dehne die Haut {toward}, dann lass los</translation>
    </message>
    <message>
        <source>Soft circles, easing the skin {toward}</source>
        <translation>Mach sanfte stehende Kreise und nimm die Haut {toward} mit</translation>
    </message>
    <message>
        <source>Glide lightly {toward}</source>
        <translation>Streich leicht {toward}</translation>
    </message>
    <message>
        <source>Breathe slowly into the belly</source>
        <translation>Atme langsam in den Bauch</translation>
    </message>
    <message>
        <source>across the middle, {toward} on the other side</source>
        <translation>über die Mitte, {toward} auf der anderen Seite</translation>
    </message>
    <message>
        <source>Breathe in</source>
        <translation>Atme ein</translation>
    </message>
    <message>
        <source>Breathe out</source>
        <translation>Atme aus</translation>
    </message>
    <message>
        <source>breath</source>
        <translation>atmen</translation>
    </message>
    <message>
        <source>circles</source>
        <translation>stehende Kreise</translation>
    </message>
    <message>
        <source>stretch</source>
        <translation>dehnen</translation>
    </message>
    <message>
        <source>sweep</source>
        <translation>streichen</translation>
    </message>
    <message>
        <source>both</source>
        <translation>beide</translation>
    </message>
    <message>
        <source>{area} (your {side} side)</source>
        <translation>{area} ({side})</translation>
    </message>
    <message>
        <source>left</source>
        <translation>links</translation>
    </message>
    <message>
        <source>right</source>
        <translation>rechts</translation>
    </message>
    <message>
        <source>center</source>
        <translation>Mitte</translation>
    </message>
</context>
</TS>
