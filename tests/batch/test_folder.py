"""The batch folder without a cluster: partitions, the manifest, shards, and the command's options."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from subprocess import CompletedProcess

import pytest

from whodid.batch import shards
from whodid.batch.manifest import Manifest
from whodid.batch.partitions import partitions
from whodid.errors import Errors, WhodidError

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _corpus(tmp_path: Path) -> Path:
    lines = [json.dumps({"id": f"a{k}", "text": f"Article {k} says little."}) for k in range(10)]
    lines.insert(3, "not json")
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_partitions_are_cut_in_input_order_with_their_bad_lines(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    parts = list(partitions([corpus], size=4))
    assert [p.index for p in parts] == [0, 1, 2]
    assert [[a.given_id for a in p.articles] for p in parts] == [
        ["a0", "a1", "a2", "a3"],
        ["a4", "a5", "a6", "a7"],
        ["a8", "a9"],
    ]
    assert [(b.origin, b.error.code) for b in parts[0].bad] == [(f"{corpus}:4", "E110")]
    assert parts[0].articles[0].item.id.startswith("sha256-")  # stored under the text's hash, as ingest
    assert parts[0].span == f"{corpus}:1 to {corpus}:5"
    # the same input gives the same partitions, digests included
    assert [p.digest for p in partitions([corpus], size=4)] == [p.digest for p in parts]


def test_a_folder_of_another_batch_is_refused(tmp_path: Path) -> None:
    header = {"whodid": "0.1.0", "inputs": ["/in.jsonl"], "partition_size": 8}
    manifest = Manifest.open(tmp_path, header)
    manifest.add({"partition": 0, "digest": "abc"})
    with pytest.raises(WhodidError) as caught:
        Manifest.open(tmp_path, {**header, "partition_size": 16})
    assert caught.value.code == "E440" and "partition_size: 8 there, 16 here" in caught.value.message
    again = Manifest.open(tmp_path, header)
    assert again.finished(0, "abc") and not again.finished(1, "abc")
    with pytest.raises(WhodidError) as caught:
        again.finished(0, "another")
    assert caught.value.code == "E440"


def test_a_shard_is_renamed_into_place_whole(tmp_path: Path) -> None:
    data = shards.parquet_bytes("errors", shards.error_rows([], []))
    path = shards.write_shard(tmp_path, "errors", 7, data)
    assert path == tmp_path / "errors" / "part-00007.parquet"
    assert path.read_bytes() == data and [p.name for p in path.parent.iterdir()] == [path.name]
    (path.parent / ".part-00008.parquet.tmp").write_bytes(b"half")
    shards.remove_temporaries(tmp_path)
    assert [p.name for p in path.parent.iterdir()] == [path.name]


def test_an_error_row_gives_back_the_same_error() -> None:
    from whodid.ingest.model import BadInput

    bad = BadInput("in.jsonl:4", Errors.E110.error(origin="in.jsonl:4", detail="Expecting value"))
    (row,) = shards.error_rows([bad], [])
    names = [name for name, _ in shards.COLUMNS["errors"]]
    again = shards.error_of(dict(zip(names, row, strict=True)))
    assert (again.origin, again.error.code, again.error.message) == (bad.origin, "E110", bad.error.message)


def test_batch_options_are_checked(tmp_path: Path, cli: Callable[..., CompletedProcess[str]]) -> None:
    corpus = str(_corpus(tmp_path))
    out = str(tmp_path / "out")
    assert "E406" in cli("batch", corpus, "--out", out, "--workers", "0").stderr
    assert "E406" in cli("batch", corpus, "--out", out, "--partition-size", "0").stderr
    both = cli("batch", corpus, "--out", out, "--workers", "2", "--scheduler", "tcp://127.0.0.1:8786")
    assert both.returncode == 2 and "not allowed with argument" in both.stderr
    assert not (tmp_path / "out").exists()
    (tmp_path / "a-file").touch()
    not_a_folder = cli("batch", corpus, "--out", str(tmp_path / "a-file"))
    assert not_a_folder.returncode == 2 and "E448" in not_a_folder.stderr
    Manifest.open(tmp_path / "other", {"format": "whodid.batch/1", "partition_size": 8})
    other = cli("batch", corpus, "--out", str(tmp_path / "other"))  # refused before a cluster starts
    assert (
        other.returncode == 2
        and "E440" in other.stderr
        and "partition_size: 8 there, 256 here" in other.stderr
    )
    help_text = cli("batch", "--help").stdout
    assert "--scheduler ADDRESS" in help_text and "whodid ingest coded/" in help_text


def test_ingest_of_a_batch_folder_takes_no_coding_option(
    tmp_path: Path, cli: Callable[..., CompletedProcess[str]]
) -> None:
    out = tmp_path / "out"
    Manifest.open(out, {"whodid": "0.1.0"})  # a batch folder whose run did not reach the end
    db = f"sqlite:///{tmp_path / 'x.db'}"
    unfinished = cli("ingest", str(out), "--db", db)
    assert unfinished.returncode == 2 and "E441" in unfinished.stderr
    Manifest.open(out, {"whodid": "0.1.0"}).save_header(partitions=0, complete=True)  # an empty input
    damaged = tmp_path / "damaged"  # one partition, whose articles shard was cut short
    manifest = Manifest.open(damaged, {"whodid": "0.1.0"})
    manifest.add({"partition": 0, "digest": "abc"})
    manifest.save_header(partitions=1, complete=True)
    shards.write_shard(damaged, "errors", 0, shards.parquet_bytes("errors", []))
    shards.write_shard(damaged, "articles", 0, b"PAR1 cut short")
    result = cli("ingest", str(damaged), "--db", f"sqlite:///{tmp_path / 'damaged.db'}")
    assert result.returncode == 2 and "E445" in result.stderr and "part-00000.parquet" in result.stderr
    coding = cli("ingest", str(out), "--db", db, "--min-confidence", "0.5")
    assert coding.returncode == 2 and "error E446: --min-confidence codes articles" in coding.stderr
    mixed = cli("ingest", str(out), str(EXAMPLES / "harbour-talks.txt"), "--db", db)
    assert mixed.returncode == 2 and "E447" in mixed.stderr
    assert not (tmp_path / "x.db").exists()


def test_without_dask_the_command_says_what_to_install(
    tmp_path: Path, cli: Callable[..., CompletedProcess[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed: ImportError
    result = cli("batch", str(_corpus(tmp_path)), "--out", str(tmp_path / "out"))
    assert result.returncode == 2 and "E443" in result.stderr and "whodid[batch]" in result.stderr
    assert not (tmp_path / "out").exists()
