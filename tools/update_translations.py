"""Refreshes the translations: pyside6-lupdate over massage_gui/ into assets/i18n/*.ts, then pyside6-lrelease.

Run after changing any user-visible text (and tools/make_catalog.py first when the data changed):

    python tools/make_catalog.py && python tools/update_translations.py

New or changed texts come out of lupdate with type="unfinished": translate them in the .ts (Qt
Linguist: pyside6-linguist assets/i18n/massage_gui_de.ts, or any editor), then run this again to
build the .qm. Texts no longer in the code are dropped. A text that only moved to another class (the
same English words in a new context) keeps its translation. Both files are committed; the tests in
tests/test_translations.py fail while a translation is unfinished or the .qm is stale.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "massage_gui"
I18N = ROOT / "assets" / "i18n"
LANGUAGES = {"de": "de_DE"}  # shipped translations: language code -> the .ts file's target language
# No line numbers in the .ts: a code edit elsewhere in a file does not churn the translation files.
LUPDATE_OPTIONS = ("-locations", "none", "-no-obsolete", "-silent")


def tool(name: str) -> str:
    """A Qt tool installed with PySide6 (beside this Python, else on PATH)."""
    beside = Path(sys.executable).with_name(name)
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} is not installed: pip install PySide6-Essentials")
    return found


def source_files() -> list[Path]:
    return sorted(p for p in SOURCES.rglob("*.py") if "__pycache__" not in p.parts)


def ts_path(language: str) -> Path:
    return I18N / f"massage_gui_{language}.ts"


def qm_path(language: str) -> Path:
    return I18N / f"massage_gui_{language}.qm"


def lupdate(ts: Path, language: str) -> None:
    """Merge the texts found in the sources into ``ts`` (created when missing)."""
    files = [str(p.relative_to(ROOT)) for p in source_files()]
    subprocess.run(
        [tool("pyside6-lupdate"), *LUPDATE_OPTIONS, "-target-language", LANGUAGES[language], *files, "-ts", str(ts)],
        cwd=ROOT,
        check=True,
    )


def finished_translations(ts: Path) -> dict[str, str]:
    """Source text -> translation, for every finished single-form message in the file whose text is
    translated the same way in every context it appears in (a word such as "Start" may not be)."""
    if not ts.exists():
        return {}
    found: dict[str, set[str]] = {}
    for message in ET.parse(ts).getroot().iter("message"):
        source, translation = message.find("source"), message.find("translation")
        if message.get("numerus") or source is None or translation is None or translation.get("type"):
            continue
        if source.text and translation.text:
            found.setdefault(source.text, set()).add(translation.text)
    return {text: next(iter(ways)) for text, ways in found.items() if len(ways) == 1}


def carry_over(ts: Path, known: dict[str, str]) -> int:
    """Fill in unfinished messages whose English text was already translated elsewhere (a moved text).
    Edits the file in place, line by line, so lupdate's layout stays as it is; returns how many."""
    lines = ts.read_text(encoding="utf-8").splitlines(keepends=True)
    carried = 0
    source: str | None = None
    for i, line in enumerate(lines):
        stripped = line.strip()
        if stripped.startswith("<source>") and stripped.endswith("</source>"):
            source = ET.fromstring(stripped).text
        elif stripped.startswith('<translation type="unfinished">') and source in known:
            suggested = ET.fromstring(stripped).text  # lupdate's guess from the same text elsewhere, or none
            if suggested not in (None, known[source]):
                continue
            indent = line[: len(line) - len(line.lstrip())]
            element = ET.Element("translation")
            element.text = known[source]
            lines[i] = indent + ET.tostring(element, encoding="unicode") + "\n"
            carried += 1
        elif stripped.startswith("</message>"):
            source = None
    ts.write_text("".join(lines), encoding="utf-8")
    return carried


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], cwd=ROOT, check=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-release", action="store_true", help="only update the .ts files")
    args = parser.parse_args(argv)
    I18N.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        ts = ts_path(language)
        known = finished_translations(ts)
        lupdate(ts, language)
        carried = carry_over(ts, known)
        if carried:
            print(f"{ts.relative_to(ROOT)}: kept the translation of {carried} texts that moved")
        unfinished = ts.read_text(encoding="utf-8").count('type="unfinished"')
        print(f"{ts.relative_to(ROOT)}: {unfinished} unfinished")
        if not args.no_release:
            lrelease(ts, qm_path(language))
            print(f"wrote {qm_path(language).relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
