"""Refreshes the translations: pyside6-lupdate over massage_gui/ into assets/i18n/*.ts, then pyside6-lrelease.

Run after changing any user-visible text (and tools/make_catalog.py first when the data changed):

    python tools/make_catalog.py && python tools/update_translations.py

New or changed texts come out of lupdate with type="unfinished": translate them in the .ts (Qt
Linguist: pyside6-linguist assets/i18n/massage_gui_de.ts, or any editor), then run this again to
build the .qm. Texts no longer in the code are dropped. Both files are committed; the tests in
tests/test_translations.py fail while a translation is unfinished or the .qm is stale.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
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


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], cwd=ROOT, check=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-release", action="store_true", help="only update the .ts files")
    args = parser.parse_args(argv)
    I18N.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        ts = ts_path(language)
        lupdate(ts, language)
        unfinished = ts.read_text(encoding="utf-8").count('type="unfinished"')
        print(f"{ts.relative_to(ROOT)}: {unfinished} unfinished")
        if not args.no_release:
            lrelease(ts, qm_path(language))
            print(f"wrote {qm_path(language).relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
