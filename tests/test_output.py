import pytest

from briefer.errors import OutputError
from briefer.output import write_atomic


def test_write_atomic_writes_and_leaves_no_temp_file(tmp_path):
    target = write_atomic(tmp_path / "brief.md", b"hello")
    assert target.read_bytes() == b"hello"
    assert [p.name for p in tmp_path.iterdir()] == ["brief.md"]


def test_refuses_to_overwrite_an_input_file(tmp_path):
    source = tmp_path / "article.md"
    source.write_text("original")
    with pytest.raises(OutputError, match="would overwrite an input"):
        write_atomic(source, b"brief", inputs=[source])
    assert source.read_text() == "original"


def test_refuses_a_document_inside_an_input_folder(tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    with pytest.raises(OutputError, match="inside an input folder"):
        write_atomic(folder / "brief.md", b"x", inputs=[folder])
    assert list(folder.iterdir()) == []


def test_missing_output_folder_is_named_with_the_fix(tmp_path):
    with pytest.raises(OutputError, match="does not exist.*create it"):
        write_atomic(tmp_path / "nope" / "brief.md", b"x")


def test_failure_during_write_keeps_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "brief.md"
    target.write_bytes(b"old")

    def boom(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr("os.fsync", boom)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["brief.md"]


def test_new_file_gets_umask_mode_not_private_temp_mode(tmp_path):
    import os

    umask = os.umask(0o022)
    try:
        target = write_atomic(tmp_path / "brief.md", b"x")
    finally:
        os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o644


def test_rewrite_keeps_the_existing_mode(tmp_path):
    target = tmp_path / "brief.md"
    target.write_bytes(b"old")
    target.chmod(0o600)
    write_atomic(target, b"new")
    assert target.stat().st_mode & 0o777 == 0o600
