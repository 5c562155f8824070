"""Versioned stores: round trips, damaged and newer files,
backups, migrations, lenient settings, and the frozen fixtures every future version must keep loading."""

from __future__ import annotations

import copy
import dataclasses
import errno
import json
import os
import re
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hyp_settings
from hypothesis import strategies as st

from massage_gui.core import store as store_module
from massage_gui.core.anatomy import AREA_IDS
from massage_gui.core.errors import DataError, MassageError
from massage_gui.core.favourites import FAVOURITES_KIND, Favourite, Favourites
from massage_gui.core.library import builtin_ids
from massage_gui.core.routine import Routine, Step
from massage_gui.core.settings import THEMES, Settings
from massage_gui.core.settings_store import SETTINGS_KIND
from massage_gui.core.store import MAX_FILE_BYTES, DocumentKind, Loaded, Store
from massage_gui.core.strictjson import MAX_DEPTH
from tests.core.test_routine import routines

T = TypeVar("T")
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
BAD_NAME = re.compile(r"^(?P<name>.+)\.bad-\d{8}T\d{12}Z$")

# -- values ------------------------------------------------------------------------------------------


def _field_values(f: dataclasses.Field[Any]) -> st.SearchStrategy[Any]:
    """Any valid value of one Settings field, from its metadata (bounds, choices)."""
    default, meta = f.default, f.metadata
    if isinstance(default, bool):
        return st.booleans()
    if isinstance(default, float):
        low, high = meta["min"], meta["max"]
        return st.one_of(st.just(default), st.sampled_from([low, high]), st.floats(low, high))
    if isinstance(default, frozenset) and meta.get("kind") == "reminders":
        return st.frozensets(st.sampled_from(["07:30", "08:00", "12:15=quick", "20:00", "21:45=evening"]))
    if isinstance(default, frozenset) and meta.get("kind") == "done":
        return st.frozensets(st.sampled_from(["2024-06-03 08:00", "2024-06-03 20:00", "2024-06-04 08:00"]))
    if isinstance(default, frozenset):
        return st.frozensets(st.sampled_from(meta["choices"]))
    if "choices" in meta:
        return st.sampled_from(meta["choices"])
    return st.text(max_size=60)


settings_values = st.builds(Settings, **{f.name: _field_values(f) for f in dataclasses.fields(Settings)})

favourite_ids = st.from_regex(r"[a-z0-9][a-z0-9-]{0,63}", fullmatch=True).filter(
    lambda i: i not in builtin_ids()  # a favourite under a built-in's id loads under another
)
favourites_values = st.lists(
    st.tuples(favourite_ids, routines, st.booleans()), max_size=4, unique_by=lambda item: item[0]
).map(lambda items: Favourites(tuple(Favourite(i, r, s) for i, r, s in items)))

SETTINGS_SAMPLE = Settings(
    pace_s=2.5, skipped_areas=frozenset({"nose"}), mirror=False, theme="dark", last_routine="morning-face"
)
FAVOURITES_SAMPLE = Favourites(
    (
        Favourite(
            "morning-face",
            Routine(
                "Morning face",
                (
                    Step("breathing", "breath", 4, cue="Belly breaths"),
                    Step("cheeks", "stretch", 7, "submandibular", side="left", pace_factor=1.2),
                ),
                description="Light",
            ),
            starred=True,
        ),
    )
)
OTHER_SETTINGS = Settings(pace_s=3.5, theme="light")
OTHER_FAVOURITES = Favourites()

KINDS: dict[str, tuple[DocumentKind[Any], Any, Any]] = {
    "settings": (SETTINGS_KIND, SETTINGS_SAMPLE, OTHER_SETTINGS),
    "favourites": (FAVOURITES_KIND, FAVOURITES_SAMPLE, OTHER_FAVOURITES),
}


def document(kind: DocumentKind[Any], data: Any, version: int | None = None) -> bytes:
    body = {"schema": kind.schema, "schema_version": kind.version if version is None else version, "data": data}
    return json.dumps(body, indent=2).encode("utf-8")


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def bad_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if BAD_NAME.match(p.name))


# -- round trips (D.11) ---------------------------------------------------------------------------------


def check_round_trip(kind: DocumentKind[T], value: T) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "file.json"
        assert Store(path, kind).save(value) is True
        written = path.read_bytes()
        loaded = Store(path, kind).load()
        assert loaded == Loaded(value)  # the same value, writable, no notice
        assert Store(path, kind).save(loaded.value) is True
        assert path.read_bytes() == written  # stable bytes: saving what was loaded changes nothing
        # same bytes: no backup needed; the lock file that saves take turns on stays
        assert sorted(os.listdir(folder)) == ["file.json", "file.json.lock"]


@hyp_settings(max_examples=200, deadline=None)
@given(settings_values)
def test_settings_round_trip(value: Settings) -> None:
    check_round_trip(SETTINGS_KIND, value)


@hyp_settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(favourites_values)
def test_favourites_round_trip(value: Favourites) -> None:
    check_round_trip(FAVOURITES_KIND, value)


@pytest.mark.parametrize("name", list(KINDS))
def test_a_missing_file_loads_defaults_without_notice(tmp_path: Path, name: str) -> None:
    kind = KINDS[name][0]
    loaded = Store(tmp_path / "file.json", kind).load()
    assert loaded == Loaded(kind.default())
    assert list(tmp_path.iterdir()) == []


# -- robustness (B.6, D.11): only a value or the app's own error, never anything else ----------------------


def _flip(data: bytes, index: int, bit: int) -> bytes:
    index %= len(data)
    return data[:index] + bytes([data[index] ^ (1 << bit)]) + data[index + 1 :]


def mangled(valid: bytes) -> st.SearchStrategy[bytes]:
    """Random bytes, truncations, single bit flips, inserted bytes and cut-out slices of a valid file."""
    n = len(valid)
    return st.one_of(
        st.binary(max_size=600),
        st.integers(0, n).map(lambda k: valid[:k]),
        st.tuples(st.integers(0, n - 1), st.integers(0, 7)).map(lambda ib: _flip(valid, *ib)),
        st.tuples(st.integers(0, n), st.binary(min_size=1, max_size=8)).map(
            lambda kb: valid[: kb[0]] + kb[1] + valid[kb[0] :]
        ),
        st.tuples(st.integers(0, n), st.integers(1, 40)).map(lambda ks: valid[: ks[0]] + valid[ks[0] + ks[1] :]),
    )


def check_value_or_own_error(kind: DocumentKind[T], data: bytes, cls: type[T]) -> None:
    try:
        value, version, problems = kind.decode(data, "file")
    except MassageError as exc:
        message = str(exc)
    else:
        check_loaded(kind, value, version, problems, cls)
        return
    assert message  # the user is told what is wrong


def check_loaded(kind: DocumentKind[T], value: T, version: int, problems: list[str], cls: type[T]) -> None:
    assert isinstance(value, cls)
    assert version >= 1
    assert all(isinstance(p, str) and p.isprintable() for p in problems)
    if isinstance(value, Settings):
        value.validated()
    again, _, again_problems = kind.decode(kind.encode(value), "file")  # whatever loads can be saved
    assert again == value
    assert again_problems == []


SETTINGS_BYTES = SETTINGS_KIND.encode(SETTINGS_SAMPLE)
FAVOURITES_BYTES = FAVOURITES_KIND.encode(FAVOURITES_SAMPLE)


@hyp_settings(max_examples=600, deadline=None)
@given(mangled(SETTINGS_BYTES))
def test_settings_loader_gives_settings_or_a_data_error(data: bytes) -> None:
    check_value_or_own_error(SETTINGS_KIND, data, Settings)


@hyp_settings(max_examples=600, deadline=None)
@given(mangled(FAVOURITES_BYTES))
def test_favourites_loader_gives_favourites_or_a_data_error(data: bytes) -> None:
    check_value_or_own_error(FAVOURITES_KIND, data, Favourites)


lone_surrogates = st.builds(  # what a "\ud800" escape decodes to: text that cannot be written as UTF-8
    lambda before, surrogate, after: before + surrogate + after,
    st.text(max_size=3),
    st.characters(categories=["Cs"]),
    st.text(max_size=3),
)
any_text = st.one_of(st.text(st.characters(exclude_categories=()), max_size=12), lone_surrogates)
json_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**30), 10**30),
    st.floats(allow_nan=False, allow_infinity=False),
    any_text,
    st.sampled_from([*AREA_IDS, *THEMES, "", "standard"]),
)
json_values = st.recursive(
    json_scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(any_text, inner, max_size=4)),
    max_leaves=12,
)
area_lists = st.lists(st.sampled_from([*AREA_IDS, "ear"]), max_size=5)
settings_bodies = st.tuples(
    st.fixed_dictionaries(
        {},
        optional={
            f.name: st.one_of(
                _field_values(f).map(lambda v: sorted(v) if isinstance(v, frozenset) else v),
                json_values,
                lone_surrogates,
            )
            for f in dataclasses.fields(Settings)
        },
    ),
    st.dictionaries(any_text, st.one_of(json_values, area_lists), max_size=3),
).map(lambda bodies: bodies[1] | bodies[0])


def nesting(value: Any) -> int:
    if isinstance(value, dict):
        return 1 + max(map(nesting, value.values()), default=0)
    if isinstance(value, list):
        return 1 + max(map(nesting, value), default=0)
    return 0


@hyp_settings(max_examples=500, deadline=None)
@given(settings_bodies)
def test_settings_with_any_json_values_keep_every_valid_field(body: dict[str, Any]) -> None:
    data = json.dumps({"schema": SETTINGS_KIND.schema, "schema_version": 1, "data": body}).encode()
    check_value_or_own_error(SETTINGS_KIND, data, Settings)
    if 1 + nesting(body) > MAX_DEPTH:  # strict JSON refuses the whole file
        with pytest.raises(DataError, match="nested more than"):
            SETTINGS_KIND.decode(data, "file")
        return
    value, _, problems = SETTINGS_KIND.decode(data, "file")
    for name, raw in body.items():
        mentioned = any(p.startswith((f"{name} ", f"unknown setting {name!r}")) for p in problems)
        if name in Settings.__dataclass_fields__ and not mentioned:
            kept = getattr(value, name)
            assert kept == (frozenset(raw) if isinstance(kept, frozenset) else raw)
        else:
            assert mentioned, (name, problems)


@st.composite
def mutated_favourites(draw: st.DrawFn) -> bytes:
    """The sample favourites file with one value somewhere replaced, one key removed, or one key added."""
    data: Any = json.loads(FAVOURITES_BYTES)
    places: list[tuple[Any, Any]] = []

    def walk(node: Any) -> None:
        keys = node.keys() if isinstance(node, dict) else range(len(node)) if isinstance(node, list) else []
        for key in keys:
            places.append((node, key))
            walk(node[key])

    walk(data)
    parent, key = draw(st.sampled_from(places))
    action = draw(st.sampled_from(["replace", "delete", "add"]))
    if action == "replace":
        parent[key] = draw(json_values)
    elif action == "delete":
        del parent[key]
    elif isinstance(parent, dict):
        parent[draw(any_text)] = draw(json_values)
    else:
        parent.insert(key, draw(json_values))
    return json.dumps(data, ensure_ascii=draw(st.booleans())).encode("utf-8", "surrogatepass")


@hyp_settings(max_examples=500, deadline=None)
@given(mutated_favourites())
def test_favourites_with_any_json_change_give_favourites_or_a_data_error(data: bytes) -> None:
    check_value_or_own_error(FAVOURITES_KIND, data, Favourites)


@hyp_settings(max_examples=150, deadline=None)
@given(st.sampled_from(list(KINDS)), st.data())
def test_store_load_never_raises_and_keeps_damaged_bytes(name: str, data: st.DataObject) -> None:
    kind = KINDS[name][0]
    valid = kind.encode(KINDS[name][1])
    raw = data.draw(mangled(valid))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "file.json"
        path.write_bytes(raw)
        loaded = Store(path, kind).load()
        moved = bad_files(Path(folder))
        if moved and path.exists():  # some favourites left out: what could be read is saved in its place
            assert [p.read_bytes() for p in moved] == [raw]
            assert f"The file as it was is kept as {moved[0].name}." in loaded.notice
            assert path.read_bytes() == kind.encode(loaded.value)
        elif moved:  # damaged as a whole
            assert [p.read_bytes() for p in moved] == [raw]
            assert moved[0].name in loaded.notice
            assert loaded.value == kind.default()
        else:
            assert path.read_bytes() == raw
        assert isinstance(loaded.value, type(kind.default()))
        assert loaded.notice.isprintable()  # one line, whatever text the file quoted


# -- damaged files (D.4) -----------------------------------------------------------------------------------


def _valid_doc(name: str) -> dict[str, Any]:
    kind, sample, _ = KINDS[name]
    return {"schema": kind.schema, "schema_version": 1, "data": kind.dump(sample)}


def _json(obj: Any) -> bytes:
    return json.dumps(obj, indent=2).encode("utf-8")


def _replace_in(name: str, old: bytes, new: bytes) -> bytes:
    valid = _json(_valid_doc(name))
    assert old in valid
    return valid.replace(old, new, 1)


CORRUPTIONS: dict[str, Callable[[str], bytes]] = {
    "truncated": lambda n: _json(_valid_doc(n))[: len(_json(_valid_doc(n))) // 2],
    "empty": lambda n: b"",
    "zero bytes": lambda n: b"\0" * 512,
    "not utf-8": lambda n: _replace_in(n, b'"data"', b'"d\xe4ta"'),
    "not json": lambda n: b"pace_s = 2.5\ntheme = dark\n",
    "a list": lambda n: b"[]",
    "a string": lambda n: b'"massage-gui/settings"',
    "other schema": lambda n: _json(_valid_doc(n) | {"schema": "massage-gui/history"}),
    "no schema_version": lambda n: _json({k: v for k, v in _valid_doc(n).items() if k != "schema_version"}),
    "schema_version 0": lambda n: _json(_valid_doc(n) | {"schema_version": 0}),
    "schema_version text": lambda n: _json(_valid_doc(n) | {"schema_version": "1"}),
    "schema_version true": lambda n: _json(_valid_doc(n) | {"schema_version": True}),
    "schema_version 1.0": lambda n: _json(_valid_doc(n) | {"schema_version": 1.0}),
    "no data": lambda n: _json({k: v for k, v in _valid_doc(n).items() if k != "data"}),
    "data a list": lambda n: _json(_valid_doc(n) | {"data": []}),
    "NaN": lambda n: _replace_in(n, b'"schema_version": 1', b'"schema_version": NaN'),
    "duplicate key": lambda n: _replace_in(n, b'"schema_version": 1', b'"schema_version": 1, "schema_version": 1'),
    "nested 40 deep": lambda n: _replace_in(n, b'"schema_version": 1', b'"deep": ' + b"[" * 40 + b"]" * 40),
    "huge number": lambda n: _replace_in(n, b'"schema_version": 1', b'"schema_version": 1' + b"0" * 200),
    "over 4 MiB": lambda n: _json(_valid_doc(n)) + b" " * MAX_FILE_BYTES,
}
FAVOURITES_CORRUPTIONS: dict[str, Callable[[str], bytes]] = {
    "unknown data key": lambda n: _json(_valid_doc(n) | {"data": {"favourites": [], "extra": 1}}),
    "favourites an object": lambda n: _json(_valid_doc(n) | {"data": {"favourites": {}}}),
}
# One favourite that cannot be read: left out, the others load (tests/core/test_favourites_load.py).
BAD_FAVOURITES: dict[str, Callable[[], bytes]] = {
    "bad routine": lambda: _replace_in("favourites", b'"reps": 7', b'"reps": 0'),
    "unknown step key": lambda: _replace_in("favourites", b'"reps": 7', b'"reps": 7, "pressure": "firm"'),
    "bad id": lambda: _replace_in("favourites", b'"morning-face"', b'"Morning Face"'),
    "starred text": lambda: _replace_in("favourites", b'"starred": true', b'"starred": "yes"'),
    "duplicate ids": lambda: _json(
        _valid_doc("favourites") | {"data": {"favourites": _valid_doc("favourites")["data"]["favourites"] * 2}}
    ),
}
DAMAGED = [(name, label) for name in KINDS for label in CORRUPTIONS] + [
    ("favourites", label) for label in FAVOURITES_CORRUPTIONS
]


def damaged_bytes(name: str, label: str) -> bytes:
    raw = {**CORRUPTIONS, **FAVOURITES_CORRUPTIONS}[label](name)
    with pytest.raises(DataError):
        KINDS[name][0].decode(raw, "file")
    return raw


@pytest.mark.parametrize("name", list(KINDS))
def test_every_corruption_is_distinct(name: str) -> None:
    made = [damaged_bytes(n, label) for n, label in DAMAGED if n == name]
    assert len(set(made)) == len(made)


@pytest.mark.parametrize(("name", "label"), DAMAGED)
def test_a_damaged_file_is_moved_aside_and_the_backup_is_used(tmp_path: Path, name: str, label: str) -> None:
    kind, sample, other = KINDS[name]
    path = tmp_path / f"{name}.json"
    backup = tmp_path / f"{name}.json.bak"
    raw = damaged_bytes(name, label)
    path.write_bytes(raw)
    backup.write_bytes(kind.encode(sample))
    good_backup = backup.read_bytes()

    store = Store(path, kind)
    loaded = store.load()

    assert loaded.value == sample
    assert loaded.writable
    assert store.writable
    [moved] = bad_files(tmp_path)
    assert moved.name.startswith(f"{name}.json.bad-")
    assert moved.read_bytes() == raw  # kept byte for byte
    assert not path.exists()
    assert f"It was moved to {moved.name}." in loaded.notice
    assert f"Using the backup {name}.json.bak." in loaded.notice
    assert "\n" not in loaded.notice
    assert backup.read_bytes() == good_backup

    assert store.save(other) is True  # nothing good to back up: the backup stays as it was
    assert backup.read_bytes() == good_backup
    assert Store(path, kind).load() == Loaded(other)
    assert moved.read_bytes() == raw


@pytest.mark.parametrize(("name", "label"), DAMAGED)
def test_a_damaged_file_without_backup_gives_defaults(tmp_path: Path, name: str, label: str) -> None:
    kind = KINDS[name][0]
    path = tmp_path / f"{name}.json"
    raw = damaged_bytes(name, label)
    path.write_bytes(raw)

    loaded = Store(path, kind).load()

    assert loaded.value == kind.default()
    assert loaded.writable
    [moved] = bad_files(tmp_path)
    assert moved.read_bytes() == raw
    assert f"It was moved to {moved.name}. Starting from defaults." in loaded.notice
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([moved.name, f"{name}.json.lock"])


@pytest.mark.parametrize("name", list(KINDS))
def test_a_damaged_file_with_a_damaged_backup_gives_defaults(tmp_path: Path, name: str) -> None:
    kind = KINDS[name][0]
    path = tmp_path / f"{name}.json"
    path.write_bytes(b"{")
    (tmp_path / f"{name}.json.bak").write_bytes(b"[")

    loaded = Store(path, kind).load()

    assert loaded.value == kind.default()
    assert "Starting from defaults" in loaded.notice
    assert (tmp_path / f"{name}.json.bak").read_bytes() == b"["
    assert [p.read_bytes() for p in bad_files(tmp_path)] == [b"{"]


@pytest.mark.parametrize(("name", "label"), DAMAGED[:: max(1, len(DAMAGED) // 12)])
@pytest.mark.parametrize("with_backup", [True, False])
def test_load_without_repair_never_moves_anything(tmp_path: Path, name: str, label: str, with_backup: bool) -> None:
    kind, sample, _ = KINDS[name]
    path = tmp_path / f"{name}.json"
    path.write_bytes(damaged_bytes(name, label))
    if with_backup:
        (tmp_path / f"{name}.json.bak").write_bytes(kind.encode(sample))
    before = snapshot(tmp_path)

    store = Store(path, kind)
    loaded = store.load(repair=False)

    assert snapshot(tmp_path) == before
    assert loaded.value == (sample if with_backup else kind.default())
    assert loaded.notice
    assert "moved" not in loaded.notice
    assert not store.writable
    assert store.save(sample) is False
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("label", list(BAD_FAVOURITES))
@pytest.mark.parametrize("repair", [True, False])
def test_a_favourite_that_cannot_be_read_is_left_out_and_the_file_is_kept(
    tmp_path: Path, label: str, repair: bool
) -> None:
    path = tmp_path / "favourites.json"
    raw = BAD_FAVOURITES[label]()
    path.write_bytes(raw)
    store = Store(path, FAVOURITES_KIND)
    loaded = store.load(repair=repair)
    assert loaded.value == (FAVOURITES_SAMPLE if label == "duplicate ids" else Favourites())
    assert "favourites[" in loaded.notice
    assert " left out (" in loaded.notice
    if repair:
        [kept] = bad_files(tmp_path)
        assert kept.read_bytes() == raw
        assert path.read_bytes() == FAVOURITES_KIND.encode(loaded.value)
        assert loaded.writable
    else:
        assert sorted(p.name for p in tmp_path.iterdir()) == ["favourites.json"]
        assert path.read_bytes() == raw
        assert not loaded.writable
        assert store.save(OTHER_FAVOURITES) is False
        assert path.read_bytes() == raw


@pytest.mark.parametrize("name", list(KINDS))
def test_a_missing_file_is_restored_from_a_good_backup(tmp_path: Path, name: str) -> None:
    kind, sample, _ = KINDS[name]
    (tmp_path / f"{name}.json.bak").write_bytes(kind.encode(sample))

    loaded = Store(tmp_path / f"{name}.json", kind).load()

    assert loaded.value == sample
    assert loaded.writable
    assert loaded.notice == f"{tmp_path / name}.json: missing: using the backup {name}.json.bak."


@pytest.mark.parametrize("name", list(KINDS))
def test_a_missing_file_with_a_damaged_backup_gives_defaults(tmp_path: Path, name: str) -> None:
    kind = KINDS[name][0]
    (tmp_path / f"{name}.json.bak").write_bytes(b"{")
    before = snapshot(tmp_path)

    loaded = Store(tmp_path / f"{name}.json", kind).load()

    assert loaded.value == kind.default()
    assert snapshot(tmp_path) == before


def test_a_file_with_only_bad_settings_is_not_moved_aside(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    raw = document(SETTINGS_KIND, {"pace_s": 99})
    path.write_bytes(raw)
    loaded = Store(path, SETTINGS_KIND).load()
    assert loaded.value == Settings()
    assert path.read_bytes() == raw
    assert bad_files(tmp_path) == []


def test_a_notice_quoting_the_files_text_stays_one_line(tmp_path: Path) -> None:
    path = tmp_path / "favourites.json"
    raw = _replace_in("favourites", b'"reps": 7', b'"reps": 7, "\\n\\u2028\\u0007": 1')
    path.write_bytes(raw)
    loaded = Store(path, FAVOURITES_KIND).load()
    assert loaded.notice.isprintable()
    assert 'steps[1]["\\n\\u2028\\u0007"]: unknown key' in loaded.notice
    assert [p.read_bytes() for p in bad_files(tmp_path)] == [raw]


def test_saving_text_that_is_not_utf8_is_a_data_error(tmp_path: Path) -> None:
    kind: DocumentKind[dict[str, Any]] = DocumentKind(schema="test/doc", version=1, parse=dict, dump=dict, default=dict)
    path = tmp_path / "doc.json"
    store = Store(path, kind)
    store.save({"a": "b"})
    before = snapshot(tmp_path)
    with pytest.raises(DataError, match="unpaired surrogate"):
        store.save({"a": "\ud800"})
    assert snapshot(tmp_path) == before


# -- newer files (D.5) ---------------------------------------------------------------------------------


NEWER_DATA: list[Any] = [{"new_field": "from version 2"}, [], "anything at all"]


@pytest.mark.parametrize("name", list(KINDS))
@pytest.mark.parametrize("data", NEWER_DATA, ids=["object", "list", "string"])
@pytest.mark.parametrize("repair", [True, False])
def test_a_newer_file_is_never_overwritten(tmp_path: Path, name: str, data: Any, repair: bool) -> None:
    kind, sample, _ = KINDS[name]
    path = tmp_path / f"{name}.json"
    path.write_bytes(document(kind, data, version=kind.version + 1))
    before = snapshot(tmp_path)

    store = Store(path, kind)
    loaded = store.load(repair=repair)

    assert loaded.value == kind.default()
    assert loaded.writable is False
    assert store.writable is False
    assert "newer version" in loaded.notice
    assert f"schema {kind.version + 1}" in loaded.notice
    assert str(path) in loaded.notice
    assert store.save(sample) is False
    assert snapshot(tmp_path) == before  # byte-identical, no backup, nothing moved aside


@pytest.mark.parametrize("name", list(KINDS))
def test_save_does_not_overwrite_a_newer_file_that_appeared_after_load(tmp_path: Path, name: str) -> None:
    kind, sample, other = KINDS[name]
    path = tmp_path / f"{name}.json"
    store = Store(path, kind)
    assert store.load() == Loaded(kind.default())
    assert store.save(sample)
    path.write_bytes(document(kind, {"from": "a newer version, synced in"}, version=kind.version + 7))
    before = snapshot(tmp_path)

    assert store.save(other) is False
    assert snapshot(tmp_path) == before
    assert Store(path, kind).save(other) is False  # a store that never loaded refuses too
    assert snapshot(tmp_path) == before


# -- saving and the backup (D.2, D.3) ---------------------------------------------------------------------


@pytest.mark.parametrize("name", list(KINDS))
def test_save_copies_the_previous_good_file_to_the_backup(tmp_path: Path, name: str) -> None:
    kind, sample, other = KINDS[name]
    path = tmp_path / f"{name}.json"
    backup = tmp_path / f"{name}.json.bak"
    store = Store(path, kind)
    store.load()

    assert store.save(sample)
    assert not backup.exists()
    first = path.read_bytes()
    assert store.save(other)
    assert backup.read_bytes() == first
    second = path.read_bytes()
    assert store.save(other)  # unchanged: the backup still holds the version before
    assert path.read_bytes() == second
    assert backup.read_bytes() == first
    assert store.save(sample)
    assert backup.read_bytes() == second
    assert path.read_bytes() == first
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"{name}.json", f"{name}.json.bak", f"{name}.json.lock"]


@pytest.mark.parametrize("name", list(KINDS))
@pytest.mark.parametrize("damage", [b"", b"{", b"\0" * 64])
def test_save_never_copies_a_damaged_file_over_a_good_backup(tmp_path: Path, name: str, damage: bytes) -> None:
    kind, sample, other = KINDS[name]
    path = tmp_path / f"{name}.json"
    backup = tmp_path / f"{name}.json.bak"
    store = Store(path, kind)
    store.save(other)
    store.save(sample)
    good_backup = backup.read_bytes()
    path.write_bytes(damage)  # damaged behind the app's back after it loaded

    assert store.save(other)

    assert backup.read_bytes() == good_backup
    assert Store(path, kind).load() == Loaded(other)


@pytest.mark.parametrize("name", list(KINDS))
def test_a_failed_save_leaves_the_file_and_backup_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    kind, sample, other = KINDS[name]
    path = tmp_path / f"{name}.json"
    store = Store(path, kind)
    store.save(other)
    store.save(sample)
    before = snapshot(tmp_path)

    def full(*args: Any, **kwargs: Any) -> tuple[int, str]:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(tempfile, "mkstemp", full)
    with pytest.raises(DataError, match=re.escape(str(tmp_path))):
        store.save(other)
    assert snapshot(tmp_path) == before


def _age(path: Path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then))


def test_save_removes_temp_files_a_killed_save_left_behind(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    stale = [tmp_path / ".settings.json.k3x9_a1b.tmp", tmp_path / ".settings.json.bak.zz0qq81p.tmp"]
    fresh = tmp_path / ".settings.json.fresh123.tmp"  # perhaps another process writing right now
    others = [
        tmp_path / ".favourites.json.k3x9_a1b.tmp",
        tmp_path / "settings.json.k3x9_a1b.tmp",
        tmp_path / ".settings.json.k3x9_a1b.txt",
        tmp_path / "settings.json.bad-20240101T000000000000Z",
    ]
    for p in [*stale, fresh, *others]:
        p.write_bytes(b'{"sche')
    for p in [*stale, *others]:
        _age(p, 3600)
    store = Store(path, SETTINGS_KIND)

    assert store.load() == Loaded(Settings())  # load never deletes
    assert all(p.exists() for p in stale)

    store.save(SETTINGS_SAMPLE)

    assert not any(p.exists() for p in stale)
    assert fresh.exists()
    assert all(p.exists() for p in others)
    _age(fresh, store_module.STALE_TEMP_S + 1)
    store.save(OTHER_SETTINGS)
    assert not fresh.exists()


# -- settings: lenient per field, only non-defaults saved ---------------------------------------------------


BAD_SETTINGS: dict[str, Any] = {
    "pace_s": 99,
    "breath_s": "6",
    "lead_in_s": -1.0,
    "transition_s": True,
    "skipped_areas": ["nose", "ear"],
    "focus_areas": "cheeks",
    "treated_side": "middle",
    "mirror": "yes",
    "reduced_motion": 1,
    "show_labels": None,
    "theme": "neon",
    "sound": "on",
    "stroke_ticks": 0,
    "volume": 1.5,
    "voice": None,
    "voice_rate": -2.0,
    "voice_name": "x" * 201,
    "last_routine": 7,
    "language": "klingon",
    "safety_confirmed": "yes",
    "reminders": "yes",
    "reminder_times": ["08:00", "25:00"],
    "start_at_login": 1,
    "reminders_done": ["tomorrow"],
}


def test_settings_fields_cover_every_settings_field() -> None:
    assert set(BAD_SETTINGS) == {f.name for f in dataclasses.fields(Settings)}


@pytest.mark.parametrize("field_name", list(BAD_SETTINGS))
def test_one_bad_setting_falls_back_to_its_default_and_keeps_the_rest(tmp_path: Path, field_name: str) -> None:
    path = tmp_path / "settings.json"
    body = SETTINGS_KIND.dump(SETTINGS_SAMPLE) | {field_name: BAD_SETTINGS[field_name]}
    path.write_bytes(document(SETTINGS_KIND, body))

    loaded = Store(path, SETTINGS_KIND).load()

    expected = dataclasses.replace(SETTINGS_SAMPLE, **{field_name: getattr(Settings(), field_name)})
    assert loaded.value == expected
    assert loaded.writable
    assert loaded.notice.startswith(f"{path}: {field_name} ")
    assert loaded.notice.endswith(": reset to the defaults.")
    assert "\n" not in loaded.notice


def test_every_bad_and_unknown_setting_is_named(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_bytes(document(SETTINGS_KIND, BAD_SETTINGS | {"loudness": 11, "pace": 2.0}))
    loaded = Store(path, SETTINGS_KIND).load()
    assert loaded.value == Settings()
    for name in BAD_SETTINGS:
        assert f"{name} " in loaded.notice
    assert "unknown setting 'loudness'" in loaded.notice
    assert "unknown setting 'pace'" in loaded.notice
    assert "'ear'" in loaded.notice
    assert "neon" in loaded.notice


def test_settings_accept_whole_numbers_and_repeated_areas(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_bytes(document(SETTINGS_KIND, {"pace_s": 3, "skipped_areas": ["nose", "nose", "chin"]}))
    loaded = Store(path, SETTINGS_KIND).load()
    assert loaded == Loaded(Settings(pace_s=3.0, skipped_areas=frozenset({"nose", "chin"})))
    assert isinstance(loaded.value.pace_s, float)


@pytest.mark.parametrize("text", ["\\ud800", "a\\udfffb", "\\udc80\\ud800"])
def test_a_setting_that_cannot_be_written_back_is_reset(tmp_path: Path, text: str) -> None:
    path = tmp_path / "settings.json"
    path.write_bytes(
        b'{"schema": "massage-gui/settings", "schema_version": 1, "data": {"theme": "dark", '
        b'"last_routine": "' + text.encode() + b'"}}'
    )
    store = Store(path, SETTINGS_KIND)
    loaded = store.load()
    assert loaded.value == Settings(theme="dark")
    assert "last_routine" in loaded.notice
    assert store.save(loaded.value)
    assert Store(path, SETTINGS_KIND).load() == Loaded(Settings(theme="dark"))


def test_default_settings_are_saved_as_an_empty_object() -> None:
    assert json.loads(SETTINGS_KIND.encode(Settings())) == {
        "schema": "massage-gui/settings",
        "schema_version": 1,
        "data": {},
    }


@hyp_settings(max_examples=200, deadline=None)
@given(settings_values)
def test_settings_save_only_non_defaults(value: Settings) -> None:
    saved = json.loads(SETTINGS_KIND.encode(value))["data"]
    defaults = Settings()
    changed = {f.name for f in dataclasses.fields(Settings) if getattr(value, f.name) != getattr(defaults, f.name)}
    assert set(saved) == changed
    for name in changed:
        expected = getattr(value, name)
        assert saved[name] == (sorted(expected) if isinstance(expected, frozenset) else expected)


# -- migrations (B.3, D.5) ---------------------------------------------------------------------------------


def _parse_v3(body: dict[str, Any]) -> dict[str, Any]:
    if set(body) != {"name", "count", "tags"}:
        raise DataError(f"data: expected name, count and tags, got {sorted(body)}")
    return body


def make_kind() -> tuple[DocumentKind[dict[str, Any]], list[int]]:
    """A version-3 kind: v1 had 'title', v2 renamed it to 'name', v3 added 'tags'. Both steps mutate their
    argument on purpose, to show that they get a copy."""
    kind: DocumentKind[dict[str, Any]] = DocumentKind(
        schema="test/doc", version=3, parse=_parse_v3, dump=dict, default=lambda: {}
    )
    ran: list[int] = []

    @kind.migration(1)
    def one_to_two(body: dict[str, Any]) -> dict[str, Any]:
        ran.append(1)
        body["name"] = body.pop("title")
        return body

    @kind.migration(2)
    def two_to_three(body: dict[str, Any]) -> dict[str, Any]:
        ran.append(2)
        body["tags"] = sorted(body.pop("labels", []))
        return body

    assert kind.migrations == {1: one_to_two, 2: two_to_three}
    return kind, ran


MIGRATION_FILES: list[tuple[int, dict[str, Any], list[int]]] = [
    (1, {"title": "Old", "count": 1}, [1, 2]),
    (1, {"title": "Old", "count": 1, "labels": ["b", "a"]}, [1, 2]),
    (2, {"name": "Old", "count": 1, "labels": ["a", "b"]}, [2]),
    (3, {"name": "Old", "count": 1, "tags": ["a", "b"]}, []),
]


@pytest.mark.parametrize(("version", "data", "steps"), MIGRATION_FILES)
def test_old_versions_load_through_each_migration(
    tmp_path: Path, version: int, data: dict[str, Any], steps: list[int]
) -> None:
    kind, ran = make_kind()
    path = tmp_path / "doc.json"
    path.write_bytes(document(kind, data, version=version))

    loaded = Store(path, kind).load()

    assert ran == steps
    expected_tags = [] if "labels" not in data and "tags" not in data else ["a", "b"]
    assert loaded == Loaded({"name": "Old", "count": 1, "tags": expected_tags})
    store = Store(path, kind)
    store.load()
    store.save(loaded.value)  # saved in the current version; the old file is the backup
    assert json.loads(path.read_bytes())["schema_version"] == 3
    assert json.loads((tmp_path / "doc.json.bak").read_bytes())["schema_version"] == version


@pytest.mark.parametrize(("version", "data", "steps"), MIGRATION_FILES[:3])
def test_migrations_run_on_a_copy(
    monkeypatch: pytest.MonkeyPatch, version: int, data: dict[str, Any], steps: list[int]
) -> None:
    kind, ran = make_kind()
    parsed = {"schema": kind.schema, "schema_version": version, "data": data}
    untouched = copy.deepcopy(parsed)
    monkeypatch.setattr(store_module, "loads_strict", lambda *args, **kwargs: parsed)

    value, found_version, _ = kind.decode(b"ignored", "doc.json")

    assert ran == steps
    assert found_version == version
    assert "name" in value
    assert parsed == untouched


def test_a_missing_migration_step_is_a_data_error(tmp_path: Path) -> None:
    kind: DocumentKind[dict[str, Any]] = DocumentKind(
        schema="test/doc", version=3, parse=_parse_v3, dump=dict, default=lambda: {}
    )
    kind.migration(2)(lambda body: body | {"tags": []})
    raw = document(kind, {"title": "Old", "count": 1}, version=1)
    with pytest.raises(DataError, match=r"doc\.json: no migration from version 1"):
        kind.decode(raw, "doc.json")
    path = tmp_path / "doc.json"
    path.write_bytes(raw)
    loaded = Store(path, kind).load()
    assert loaded.value == {}
    assert "no migration from version 1" in loaded.notice
    assert [p.read_bytes() for p in bad_files(tmp_path)] == [raw]


@pytest.mark.parametrize("data", [{"count": 1}, {"title": "Old", "count": 1, "labels": 5}])
def test_a_migration_that_fails_on_odd_old_data_is_a_data_error(tmp_path: Path, data: dict[str, Any]) -> None:
    kind, _ = make_kind()
    raw = document(kind, data, version=1)
    with pytest.raises(DataError, match=r"^doc\.json: cannot migrate from version \d"):
        kind.decode(raw, "doc.json")
    path = tmp_path / "doc.json"
    path.write_bytes(raw)
    assert Store(path, kind).load().value == {}
    assert [p.read_bytes() for p in bad_files(tmp_path)] == [raw]


@pytest.mark.parametrize("kind", [SETTINGS_KIND, FAVOURITES_KIND], ids=["settings", "favourites"])
def test_every_old_version_has_a_migration(kind: DocumentKind[Any]) -> None:
    assert set(kind.migrations) == set(range(1, kind.version))


# -- frozen fixtures: files written by released versions --------------------------------------------------


FIXTURE_SETTINGS = Settings(
    pace_s=2.5,
    breath_s=8.0,
    lead_in_s=10.0,
    transition_s=0.0,
    skipped_areas=frozenset({"nose", "upper_lip"}),
    focus_areas=frozenset({"jawline", "neck_side"}),
    mirror=False,
    reduced_motion=True,
    show_labels=False,
    theme="dark",
    last_routine="morning-face",
)
FIXTURE_FAVOURITES = Favourites(
    (
        Favourite(
            "morning-face",
            Routine(
                "Morning face",
                (
                    Step("breathing", "breath", 4, cue="Belly breaths"),
                    Step("collarbone", "circles", 15, "terminus"),
                    Step("neck_side", "stretch", 10, "terminus", side="left"),
                    Step("neck_side", "stretch", 10, "terminus", side="right"),
                    Step(
                        "under_eyes",
                        "stretch",
                        8,
                        "preauricular",
                        pace_factor=1.5,
                        cue="Lightest touch, ring finger only",
                    ),
                ),
                description="Puffy eyes after sleep: outlets first, then a light pass over the face.",
            ),
            starred=True,
        ),
        Favourite(
            "abendroutine",
            Routine(
                "Abendroutine – Kiefer & Stirn",
                (
                    Step("jawline", "sweep", 12, "submandibular", pace_factor=0.8),
                    Step("chin", "circles", 6, "submental", side="center"),
                    Step("forehead", "sweep", 9, "preauricular", cue="Von der Mitte zu den Schläfen"),
                ),
            ),
        ),
        Favourite("neck-only-2", Routine("Neck only", (Step("neck_back", "stretch", 20, "deep_cervical"),))),
    )
)
FIXTURE_VALUES: dict[str, tuple[DocumentKind[Any], Any]] = {
    "settings-v1.json": (SETTINGS_KIND, FIXTURE_SETTINGS),
    "favourites-v1.json": (FAVOURITES_KIND, FIXTURE_FAVOURITES),
}


def test_every_fixture_is_checked() -> None:
    assert {p.name for p in FIXTURES.glob("*-v*.json")} == set(FIXTURE_VALUES)


@pytest.mark.parametrize("fixture", list(FIXTURE_VALUES))
def test_a_frozen_fixture_loads_to_its_value(tmp_path: Path, fixture: str) -> None:
    kind, expected = FIXTURE_VALUES[fixture]
    raw = (FIXTURES / fixture).read_bytes()
    assert json.loads(raw)["schema_version"] == int(fixture.rsplit("-v", 1)[1].removesuffix(".json"))
    path = tmp_path / fixture
    path.write_bytes(raw)

    loaded = Store(path, kind).load()

    assert loaded == Loaded(expected)
    assert snapshot(tmp_path) == {fixture: raw}


@pytest.mark.parametrize("fixture", list(FIXTURE_VALUES))
def test_a_frozen_fixture_survives_a_save(tmp_path: Path, fixture: str) -> None:
    kind, expected = FIXTURE_VALUES[fixture]
    path = tmp_path / fixture
    path.write_bytes((FIXTURES / fixture).read_bytes())
    store = Store(path, kind)
    store.save(store.load().value)
    assert Store(path, kind).load() == Loaded(expected)
