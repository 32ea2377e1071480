"""The page map keeps every file that is not a Markdown page on disk (builder/site/store.py)."""

from __future__ import annotations

import gc

from builder.site.store import PageStore


def test_pages_in_memory_other_files_on_disk_read_back_as_given():
    pages = PageStore()
    pages["wilayah/x.md"] = "# Halaman"
    pages["unduh/x.csv"] = b"a,b\n1,2\n"
    pages["grafik/x.html"] = "<p>grafik</p>"
    assert pages.path_of("wilayah/x.md") is None
    assert pages.path_of("unduh/x.csv").read_bytes() == b"a,b\n1,2\n"
    assert (pages["wilayah/x.md"], pages["unduh/x.csv"], pages["grafik/x.html"]) == (
        "# Halaman", b"a,b\n1,2\n", "<p>grafik</p>")
    assert set(pages) == {"wilayah/x.md", "unduh/x.csv", "grafik/x.html"} and len(pages) == 3
    assert pages.size_of("unduh/x.csv") == 8 and pages.size_of("wilayah/x.md") == 9


def test_replacing_and_deleting_leave_no_file_behind():
    pages = PageStore()
    pages["unduh/x.csv"] = b"1"
    first = pages.path_of("unduh/x.csv")
    del pages["unduh/x.csv"]
    pages["unduh/x.csv"] = b"2"
    assert not first.exists() and pages["unduh/x.csv"] == b"2"
    second = pages.path_of("unduh/x.csv")
    del pages["unduh/x.csv"]
    assert not second.exists() and "unduh/x.csv" not in pages


def test_a_second_writer_of_one_path_is_refused():
    """Every output path has one source: writing it again, by any way in, is an error and keeps the first."""
    import pytest

    from builder.site.store import PathTaken

    pages, other = PageStore(), PageStore()
    pages["unduh/x.csv"] = b"pertama"
    pages["a.md"] = "pertama"
    other["unduh/x.csv"] = b"kedua"
    with pytest.raises(PathTaken) as taken:
        pages["unduh/x.csv"] = b"kedua"
    assert str(taken.value.problems[0]).startswith("unduh/x.csv: galat: berkas situs ini akan ditulis dua kali")
    with pytest.raises(PathTaken):
        pages["a.md"] = "kedua"
    with pytest.raises(PathTaken):
        pages.open_for("unduh/x.csv")
    with pytest.raises(PathTaken):
        pages.absorb(other)
    with pytest.raises(PathTaken):
        pages.update({"a.md": "kedua"})
    assert pages["unduh/x.csv"] == b"pertama" and pages["a.md"] == "pertama"


def test_absorbing_another_map_takes_its_files_and_the_folder_goes_with_the_store():
    part, whole = PageStore(), PageStore()
    part["unduh/x.csv"] = b"baris"
    part["a.md"] = "teks"
    with whole.open_for("unduh/besar.csv") as out:
        out.write(b"header\n")
    whole.absorb(part)
    whole.absorb({"b.md": "lain"})
    assert whole["unduh/x.csv"] == b"baris" and whole["a.md"] == "teks" and whole["b.md"] == "lain"
    assert whole["unduh/besar.csv"] == b"header\n"
    folder = whole.path_of("unduh/x.csv").parent
    del part, whole
    gc.collect()
    assert not folder.exists()


def test_a_build_keeps_its_downloads_on_disk(minimal_data):
    from builder import run

    pages = run(minimal_data)
    for uri in ("unduh/kinerja.csv", "unduh/wilayah/contoh/kec-contoh/2023/kinerja.csv", "unduh/datapackage.json"):
        assert pages.path_of(uri) is not None, uri
    assert pages["unduh/kinerja.csv"].decode("utf-8").startswith("kode_provinsi,")
    assert all(pages.path_of(uri) is None for uri in pages if uri.endswith(".md"))
