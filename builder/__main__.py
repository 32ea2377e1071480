"""Command line: python -m builder <command>.

  validate [FOLDER ...]
                      check all of data/, or only those kabupaten[/kecamatan] folders (exit 1 on any error)
  impor BERKAS --kecamatan KABUPATEN/KECAMATAN [--nama NAMA] [--tahun TAHUN]
                      draft a new kecamatan's data files from its report (PDF, DOCX, text)
  migrate [FOLDER ...] [--periksa]
                      bring files written for an earlier data format to the current one (--periksa: only list)
  schema [--check]    write (or check) the JSON Schema files in schema/
  audit               list where the reports' own figures differ from ours
  pages --out DIR     write the site's generated pages to DIR (no MkDocs needed)
  new-year KECAMATAN TAHUN
                      start the next year's file from the Renstra targets
  new-kecamatan KABUPATEN/KECAMATAN --nama NAMA --renstra MULAI-SELESAI
                      start the files of a kecamatan not yet in the data
  bagian [--jumlah N] the provinsi of the data in N groups, for a build in shards (content/operator.md)
  diff BASE HEAD      figures that differ between two git revisions or two data folders
  synth --kecamatan N --years Y --out DIR [--seed S] [--provinsi KODE ...]
                      write a synthetic data set to DIR/data: real Kemendagri regions, real reports as templates
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import time
from pathlib import Path

import builder as api
from builder.problems import printable
from builder.site.store import exit_on_sigterm
from builder import synth

# Paths are relative to the folder the command runs in: the project root, as the README says.
ROOT = Path.cwd()


def tune_gc() -> None:
    """Collect the youngest generation less often while a command builds large object trees.

    Parsing and validating create millions of small objects and few cycles; with
    the default thresholds the collector's passes took two thirds of the load
    time, while switching it off entirely doubled the memory of a build (the
    rendering does make cycles). Measured on 30 synthetic kecamatan (`builder.run`):
    default 38 s / 393 MB, disabled 27 s / 747 MB, these thresholds 30 s / 410 MB.
    Process-wide, so only the command line, which owns its process, does it.
    """
    gc.set_threshold(100_000, 50, 1000)


def _print_problems(problems, stream=sys.stderr) -> tuple[int, int]:
    errors = [p for p in problems if p.is_error]
    warnings = [p for p in problems if not p.is_error]
    for problem in problems:
        print(problem, file=stream)
    return len(errors), len(warnings)


def _touched_first(problems, touched: list[str], root: Path, stream=sys.stderr) -> tuple[int, int]:
    """A contributor's view: every problem of the files their change touches, then the errors elsewhere (they
    block the merge too), then only a count of the warnings elsewhere (not theirs to fix)."""
    mine = {Path(p).resolve() for p in touched}
    own = [p for p in problems if (root / p.path).resolve() in mine]  # (problems name files relative to root)
    other = [p for p in problems if (root / p.path).resolve() not in mine]
    print(f"== Berkas yang diubah ({len(mine)}) ==", file=stream)
    for problem in own:
        print(problem, file=stream)
    if not own:
        print("Tidak ada galat atau peringatan di berkas yang diubah.", file=stream)
    other_errors = [p for p in other if p.is_error]
    other_warnings = [p for p in other if not p.is_error]
    if other_errors:
        print(f"\n== Galat di berkas lain ({len(other_errors)}) ==", file=stream)
        for problem in other_errors:
            print(problem, file=stream)
    if other_warnings:
        per_file: dict[str, int] = {}
        for problem in other_warnings:
            per_file[problem.path] = per_file.get(problem.path, 0) + 1
        listed = ", ".join(f"{path} ({n})" for path, n in sorted(per_file.items()))
        print(f"\n{len(other_warnings)} peringatan di {len(per_file)} berkas lain yang tidak diubah: {listed}. "
              "Bukan urusan perubahan ini; semuanya: python -m builder validate", file=stream)
    return sum(p.is_error for p in problems), sum(not p.is_error for p in problems)


def cmd_validate(args) -> int:
    dataset, problems = api.load_and_validate(Path(args.data), tuple(args.hanya))
    if not any(p.is_error for p in problems):
        problems += api.money_warnings(dataset)  # the audit's money differences, at their file and line
    errors, warnings = _touched_first(problems, args.diubah, Path(args.data).resolve().parent) if args.diubah else _print_problems(problems)
    files = len(dataset.files)
    if errors:
        print(f"\n{errors} galat, {warnings} peringatan di {files} berkas. Perbaiki galat di atas.", file=sys.stderr)
        return 1
    print(f"Data sah: {files} berkas, {len(dataset.kecamatan)} kecamatan, {warnings} peringatan.")
    return 0


def cmd_impor(args) -> int:
    """Draft a kecamatan's files from its report; then say what was recognised and what the staff member must
    check first: the validator's messages and the audit's differences on the draft."""
    from builder import impor

    data_dir = Path(args.data)
    try:
        result = impor.import_report(Path(args.berkas), data_dir, args.kecamatan.strip("/"), args.nama, args.tahun)
        written = api.write_new(api.Scaffold(result.files, []))
    except (impor.DocumentError, api.ScaffoldError) as error:
        print(f"galat: {error}", file=sys.stderr)
        return 1
    lines = result.table_lines()
    counts = {word: sum(line.startswith(word) for line in lines) for word in ("dikenali", "sebagian", "tidak dikenali")}
    print(f"Laporan tahun {result.year}: {len(result.recognised)} tabel; {counts['dikenali']} dikenali, "
          f"{counts['sebagian']} sebagian, {counts['tidak dikenali']} tidak dikenali; "
          f"{sum(result.used.values())} angka ditulis, masing-masing dengan tabel dan baris/halamannya.")
    for line in lines:
        print(f"- {printable(line)}")
    for note in result.notes:
        print(f"! {printable(note)}")
    if not written:
        print("galat: tidak ada berkas baru yang ditulis: setiap tahun yang dicetak laporan ini sudah ada di data "
              "(berkas yang ada tidak pernah ditimpa)", file=sys.stderr)
        return 1
    for path in written:
        print(f"Dibuat: {path.resolve().relative_to(ROOT) if path.resolve().is_relative_to(ROOT) else path}")
    dataset, problems = api.load_and_validate(data_dir, (args.kecamatan.strip("/"),))
    errors = [p for p in problems if p.is_error]
    print(f"\nPeriksa dulu ({len(errors)} galat, {len(problems) - len(errors)} peringatan dari validate):")
    for problem in problems:
        print(f"  {problem}")
    if errors:
        print("Isi baris bertanda ISI dan periksa baris PERIKSA, lalu jalankan: python -m builder validate "
              f"{args.kecamatan}; sesudah sah, python -m builder audit menunjukkan angka laporan yang tidak cocok.")
        return 0
    _reference, results = api.analyse_dataset(dataset)
    for kec, year, finding in _findings(results):
        print(printable(f"  audit {year}: {finding.kind.label}: {finding.table}: {finding.what}: laporan "
                        f"{finding.stated_text}, dihitung {finding.computed_text}"))
    return 0


def cmd_migrate(args) -> int:
    from builder import migrate

    plan = migrate.plan_migration(Path(args.data), tuple(args.hanya))
    for item in plan.files:
        only = "" if item.changes else f"; hanya {api.FORMAT_VERSION_KEY} ditambahkan"
        print(f"{item.display} (versi {item.version} -> {api.FORMAT_VERSION}{only})")
        for change in item.changes:
            print(f"  - {change}")
        for note in item.notes:
            print(f"  ! {note}")
        if args.periksa:
            print(plan.patch(item))
    for source, target in plan.file_renames:
        print(f"berkas {source.relative_to(Path(args.data).resolve().parent).as_posix()} -> {target.name}")
    for source, target in plan.renames:
        print(f"folder {source.relative_to(Path(args.data).resolve().parent).as_posix()} -> {target.name}")
    for refused in plan.refused:
        print(f"dibiarkan: {refused}", file=sys.stderr)
    if plan.empty:
        print(f"Semua berkas sudah memakai format data versi {api.FORMAT_VERSION}; tidak ada yang diubah.")
        return 0
    if args.periksa:
        print(f"\n{len(plan.files)} berkas dan {len(plan.renames)} folder perlu diperbarui; tidak ada yang ditulis. "
              f"Jalankan: python -m builder migrate {' '.join(args.hanya)}".rstrip())
        return 1
    migrate.apply_plan(plan)
    notes = sum(len(item.notes) for item in plan.files)
    print(f"\n{len(plan.files)} berkas diperbarui, {len(plan.renames)} folder diganti nama"
          + (f"; {notes} hal perlu Anda periksa (tanda !)" if notes else "")
          + ". Lanjutkan dengan: python -m builder validate")
    return 1 if plan.refused else 0


def cmd_schema(args) -> int:
    out = Path(args.out)
    if args.check:
        stale = api.check_schemas(out)
        if stale:
            print("Skema JSON tidak sesuai model: " + ", ".join(stale), file=sys.stderr)
            print("Jalankan: python -m builder schema", file=sys.stderr)
            return 1
        print("Skema JSON sesuai model.")
        return 0
    for path in api.write_schemas(out):
        print(path)
    return 0


def cmd_audit(args) -> int:
    _reference, results = api.analyse_data(Path(args.data))
    for kec, year, finding in _findings(results):
        print("\t".join(printable(str(cell)) for cell in (
            f"{kec.name} {year}", finding.kind.label, finding.table, finding.what, f"laporan {finding.stated_text}",
            f"dihitung {finding.computed_text}", finding.cause)))
    return 0


def _findings(results):
    """(kecamatan, year, finding) for every printed figure the audit finds not ours at its precision."""
    for kec in results:
        findings = api.audit_kecamatan(kec)
        for year in kec.years:
            for finding in findings[year.year]:
                yield kec, year.year, finding


def cmd_shards(args) -> int:
    """The provinsi of the data in at most N groups of about equal size (in kabupaten folders), as the JSON list
    of space-separated codes the publish workflow's matrix takes (content/operator.md)."""
    import json

    sizes: dict[str, int] = {}
    for code in api.provinsi_of_folders(Path(args.data)).values():
        sizes[code] = sizes.get(code, 0) + 1
    groups: list[list[str]] = [[] for _ in range(min(args.jumlah, len(sizes)) or 1)]
    load = [0] * len(groups)
    for code in sorted(sizes, key=lambda c: (-sizes[c], c)):  # largest first, each to the lightest group
        i = load.index(min(load))
        groups[i].append(code)
        load[i] += sizes[code]
    print(json.dumps([" ".join(sorted(g)) for g in groups if g]))
    return 0


def cmd_pages(args) -> int:
    data_dir = Path(args.data)
    protected = [data_dir, Path(__file__).resolve().parent]  # (the project holds both: never replaced either)
    try:
        api.check_output_folder(Path(args.out), protected)  # before any work: say it at once
        pages = api.run(data_dir, history=api.data_history(data_dir), provenance=api.Provenance(data_dir))
        api.write_pages(pages, Path(args.out), protected)
    except api.OutputError as error:
        print(f"galat: {error}", file=sys.stderr)
        return 1
    print(f"{len(pages)} berkas ditulis ke {args.out}")
    return 0


def _find_kecamatan(dataset, name: str):
    matches = [k for slug, k in dataset.kecamatan.items() if name in (slug, slug.split("/")[1])]
    if len(matches) == 1:
        return matches[0]
    known = ", ".join(sorted(dataset.kecamatan)) or "belum ada"
    raise api.ScaffoldError(f'kecamatan "{name}" tidak ditemukan (atau tidak tunggal); tulis <kabupaten>/<kecamatan>, '
                            f"salah satu dari: {known}")


def _write_scaffold(make) -> int:
    try:
        scaffold = make()
        written = api.write_new(scaffold)
    except api.ScaffoldError as error:
        print(f"galat: {error}", file=sys.stderr)
        return 1
    for path in written:
        print(f"Dibuat: {path.resolve().relative_to(ROOT) if path.resolve().is_relative_to(ROOT) else path}")
    print("Langkah berikutnya:")
    for step in scaffold.next_steps:
        print(f"- {step}")
    return 0


def cmd_new_year(args) -> int:
    data_dir = Path(args.data)
    dataset, problems = api.load_and_validate(data_dir)
    if any(p.is_error for p in problems):
        _print_problems([p for p in problems if p.is_error])
        print("\nPerbaiki galat di atas dulu, lalu jalankan new-year lagi.", file=sys.stderr)
        return 1
    return _write_scaffold(lambda: api.new_year(_find_kecamatan(dataset, args.kecamatan), args.tahun, data_dir))


def cmd_new_kecamatan(args) -> int:
    def make():
        try:
            mulai, selesai = (int(x) for x in args.renstra.split("-"))
        except ValueError:
            raise api.ScaffoldError(f'--renstra "{args.renstra}" harus berbentuk MULAI-SELESAI, mis. 2021-2026') from None
        return api.new_kecamatan(Path(args.data), args.kecamatan, args.nama, mulai, selesai)

    return _write_scaffold(make)


def cmd_diff(args) -> int:
    try:
        result = api.diff_sources(args.base, args.head, Path(args.data), ROOT)
    except api.VersionError as error:
        print(f"galat: {error}", file=sys.stderr)
        return 1
    print(result.markdown() if args.format == "markdown" else result.text())
    return 0


def cmd_synth(args) -> int:
    started = time.perf_counter()
    try:
        data = synth.generate(Path(args.out), args.kecamatan, args.years, args.seed, args.provinsi,
                              source=Path(args.data))
    except synth.SynthError as error:
        print(f"galat: {error}", file=sys.stderr)
        return 1
    files = sum(1 for _ in (data / "wilayah").rglob("*.yaml"))
    seconds = f"{time.perf_counter() - started:.1f}".replace(".", ",")
    print(f"{args.kecamatan} kecamatan sintetis ({files} berkas YAML) ditulis ke {data} dalam {seconds} detik.")
    print(f"Periksa: python -m builder --data {data} validate")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m builder", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default="data", help="folder data (bawaan: data/)")
    sub = parser.add_subparsers(dest="command", required=True)
    validate = sub.add_parser("validate", help="periksa semua berkas data")
    validate.add_argument("hanya", nargs="*", help="hanya folder ini: <kabupaten> atau <kabupaten>/<kecamatan>")
    validate.add_argument("--diubah", nargs="+", default=[], metavar="BERKAS",
                          help="berkas yang diubah (mis. dari git diff --name-only): masalahnya ditampilkan dulu, "
                               "peringatan berkas lain hanya dihitung")
    validate.set_defaults(func=cmd_validate)
    impor_cmd = sub.add_parser("impor", help="buat draf berkas data dari berkas laporan (PDF, DOCX atau teks)")
    impor_cmd.add_argument("berkas", help="berkas laporan: .pdf (dengan lapisan teks), .docx, .txt atau .md")
    impor_cmd.add_argument("--kecamatan", required=True, help="<kabupaten>/<kecamatan>, mis. bengkalis/rupat-utara")
    impor_cmd.add_argument("--nama", help="nama kecamatan tanpa kata Kecamatan (bawaan: dari daftar Kemendagri)")
    impor_cmd.add_argument("--tahun", type=int, help="tahun laporan (bawaan: dari halaman judul)")
    impor_cmd.set_defaults(func=cmd_impor)
    migrate = sub.add_parser("migrate", help="perbarui berkas data yang ditulis untuk format lama")
    migrate.add_argument("hanya", nargs="*", help="hanya folder ini: <kabupaten> atau <kabupaten>/<kecamatan>")
    migrate.add_argument("--periksa", action="store_true", help="hanya laporkan, jangan tulis apa pun")
    migrate.set_defaults(func=cmd_migrate)
    schema = sub.add_parser("schema", help="tulis/periksa skema JSON")
    schema.add_argument("--out", default="schema")
    schema.add_argument("--check", action="store_true")
    schema.set_defaults(func=cmd_schema)
    sub.add_parser("audit", help="selisih angka laporan dengan hitungan ulang").set_defaults(func=cmd_audit)
    shards = sub.add_parser("bagian", help="kelompok provinsi untuk membangun situs per bagian")
    shards.add_argument("--jumlah", type=int, default=4, help="jumlah kelompok paling banyak (bawaan 4)")
    shards.set_defaults(func=cmd_shards)
    pages = sub.add_parser("pages", help="tulis halaman situs ke folder")
    pages.add_argument("--out", required=True)
    pages.set_defaults(func=cmd_pages)
    new_year = sub.add_parser("new-year", help="buat berkas tahun baru dari target Renstra")
    new_year.add_argument("kecamatan", help="<kabupaten>/<kecamatan>, mis. bengkalis/rupat-utara")
    new_year.add_argument("tahun", type=int)
    new_year.set_defaults(func=cmd_new_year)
    new_kec = sub.add_parser("new-kecamatan", help="buat berkas kecamatan baru")
    new_kec.add_argument("kecamatan", help="<kabupaten>/<kecamatan>, mis. bengkalis/rupat-selatan")
    new_kec.add_argument("--nama", required=True, help='nama tanpa kata "Kecamatan", mis. "Rupat Selatan"')
    new_kec.add_argument("--renstra", required=True, help="periode Renstra, mis. 2021-2026")
    new_kec.set_defaults(func=cmd_new_kecamatan)
    diff = sub.add_parser("diff", help="angka yang berubah antara dua revisi git atau dua folder data")
    diff.add_argument("base", help="revisi git (mis. main) atau folder data")
    diff.add_argument("head", help="revisi git (mis. HEAD) atau folder data")
    diff.add_argument("--format", choices=["teks", "markdown"], default="teks")
    diff.set_defaults(func=cmd_diff)
    synth_cmd = sub.add_parser("synth", help="tulis data sintetis (wilayah Kemendagri, laporan sungguhan sebagai templat)")
    synth_cmd.add_argument("--kecamatan", type=int, required=True, help="jumlah kecamatan")
    synth_cmd.add_argument("--years", type=int, required=True,
                           help="jumlah tahun berurutan per kecamatan (paling banyak sepanjang periode Renstra templatnya)")
    synth_cmd.add_argument("--out", required=True, help="folder baru atau kosong; data ditulis ke OUT/data")
    synth_cmd.add_argument("--seed", type=int, default=0, help="bilangan acak awal (bawaan 0); sama -> hasil sama")
    synth_cmd.add_argument("--provinsi", nargs="+", metavar="KODE", help="hanya provinsi ini, mis. 14 64")
    synth_cmd.set_defaults(func=cmd_synth)
    args = parser.parse_args(argv)
    tune_gc()
    exit_on_sigterm()  # temporary folders are removed when the command is stopped
    try:
        return args.func(args)
    except api.DataError as error:
        _print_problems(error.problems)
        print(f"\nData tidak sah ({sum(p.is_error for p in error.problems)} galat); "
              "jalankan: python -m builder validate", file=sys.stderr)
        return 1
    except Exception:  # an internal bug: say so plainly, traceback only on request
        if os.environ.get("BUILDER_DEBUG"):
            raise
        exc = sys.exc_info()[1]
        print(f"Kesalahan internal builder: {type(exc).__name__}: {exc}\n"
              "Ini bukan kesalahan data Anda. Laporkan ke tim (jalankan ulang dengan BUILDER_DEBUG=1 "
              "untuk rincian).", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
