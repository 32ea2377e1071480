"""Which figures changed between two versions of the data: what a reviewer reads.

A version is a data folder or a git revision. Both are loaded, validated and
analysed like the site, then compared figure by figure: per indicator (by
id) and year the target, realisasi and capaian; per budget line its pagu and
realisasi. Values are compared as the site shows them, so a change the site
would not show is not reported either.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .analysis.results import BudgetLine, KecamatanResult
from .formatting import percent, rupiah, value_text
from .pipeline import analyse_data
from .problems import DataError, excerpt, printable
from .site.render import text
from .migrate import bring_forward
from .versions import UNREADABLE, VersionError, extract_revision, total_limit

# One version's figures: kecamatan slug -> (year, key) -> (shown name, {field: shown value}).
Figures = dict[str, dict[tuple[int, str], tuple[str, dict[str, str]]]]


@dataclass
class Change:
    kecamatan: str
    year: int
    what: str
    field: str
    old: str
    new: str

    @property
    def kind(self) -> str:
        return "baru" if self.old == "" else "dihapus" if self.new == "" else "berubah"


@dataclass
class DiffResult:
    changes: list[Change] = field(default_factory=list)
    added_kecamatan: list[str] = field(default_factory=list)
    removed_kecamatan: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.changes or self.added_kecamatan or self.removed_kecamatan)

    def _summary(self, shown) -> list[str]:
        lines = []
        if self.added_kecamatan:
            lines.append("Kecamatan baru: " + ", ".join(map(shown, self.added_kecamatan)) + ".")
        if self.removed_kecamatan:
            lines.append("Kecamatan dihapus: " + ", ".join(map(shown, self.removed_kecamatan)) + ".")
        if not self:
            lines.append("Tidak ada angka yang berubah.")
        elif self.changes:
            lines.append(f"{len(self.changes)} angka berubah.")
        return lines

    def markdown(self) -> str:
        """For a pull request's job summary (GitHub Markdown): every name and figure as text (`render.text`: no
        line break, HTML, heading, link or table cell of its own)."""
        lines = self._summary(text)
        if self.changes:
            lines += ["", "| Kecamatan | Tahun | Indikator / pos anggaran | Angka | Lama | Baru |", "|---|---|---|---|---|---|"]
            for c in self.changes:
                cells = [c.kecamatan, str(c.year), c.what, c.field, c.old or "–", c.new or "–"]
                lines.append("| " + " | ".join(text(x) for x in cells) + " |")
        return "\n".join(lines)

    def text(self) -> str:
        """For a terminal or a CI log: every name and figure `printable` (no escape sequence, line break or
        workflow command of its own)."""
        lines = self._summary(printable)
        for c in self.changes:
            lines.append(printable(f"{c.kecamatan} {c.year} · {c.what} · {c.field}: {c.old or '–'} → {c.new or '–'}"))
        return "\n".join(lines)


# --------------------------------------------------------------------------
# Figures of one version
# --------------------------------------------------------------------------


def figures(results: list[KecamatanResult]) -> tuple[Figures, dict[str, str]]:
    """Every figure a reviewer cares about, per kecamatan slug; and each slug's name."""
    out: Figures = {}
    for kec in results:
        figs = out.setdefault(kec.slug, {})
        for history in kec.history.values():
            for item in history:
                if not item.in_report and item.target is None:
                    continue
                figs[(item.year, f"indikator:{item.indicator.id}")] = (item.indicator.nama, {
                    "target": value_text(item.target) if item.target is not None else "",
                    "realisasi": value_text(item.realisasi) if item.realisasi is not None else "",
                    "capaian": percent(item.capaian) if item.capaian is not None else "",
                })
        for year in kec.years:
            for line in year.budget.programs if year.budget else ():
                _budget(figs, year.year, line, "")
    return out, {k.slug: k.name for k in results}


def _budget(figs, year: int, line: BudgetLine, parent: str) -> None:
    label = f"{line.kode} {line.nama}" if line.kode else line.nama
    path = f"{parent} › {label}" if parent else f"Anggaran: {label}"
    figs[(year, path)] = (path, {"pagu": rupiah(line.pagu) if line.pagu is not None else "",
                                 "realisasi anggaran": rupiah(line.realisasi) if line.realisasi is not None else ""})
    for child in line.children:
        _budget(figs, year, child, path)


def diff_figures(base: tuple[Figures, dict[str, str]], head: tuple[Figures, dict[str, str]]) -> DiffResult:
    (old, old_names), (new, new_names) = base, head
    result = DiffResult(added_kecamatan=sorted(new_names[s] for s in set(new) - set(old)),
                        removed_kecamatan=sorted(old_names[s] for s in set(old) - set(new)))
    for slug in sorted(set(old) & set(new), key=lambda s: new_names[s]):
        keys = list(old[slug]) + [k for k in new[slug] if k not in old[slug]]
        for key in sorted(keys, key=lambda k: (k[0], (new[slug].get(k) or old[slug][k])[0])):
            name, before = old[slug].get(key, ("", {}))
            new_name, after = new[slug].get(key, (name, {}))
            for field_name in list(before) + [f for f in after if f not in before]:
                a, b = before.get(field_name, ""), after.get(field_name, "")
                if a != b:
                    result.changes.append(Change(new_names[slug], key[0], new_name or name, field_name, a, b))
    return result


# --------------------------------------------------------------------------
# Reading a version
# --------------------------------------------------------------------------


def figures_of(folder: Path) -> tuple[Figures, dict[str, str]]:
    """The figures of a data folder (raises DataError when it does not validate)."""
    _reference, results = analyse_data(folder)
    return figures(results)


def read_revision(repo: Path, revision: str, data_rel: str, into: Path, limit: int) -> tuple[Figures, dict[str, str]]:
    """The figures of the data folder at a git revision, brought to today's format first (migrate).

    Raises DataError when that data does not validate, and VersionError for anything else: a revision is input
    nobody reviewed (a pull request carries its own commits), so whatever in it breaks the reading, the migration
    or the analysis makes that version unreadable, and never stops the command or the build that asked for it.
    """
    try:
        return figures_of(bring_forward(extract_revision(repo, revision, data_rel, into, limit)))
    except (DataError, VersionError):
        raise
    except Exception as error:  # see the docstring: a past version is never a crash
        raise VersionError(f"{UNREADABLE} ({revision}): {type(error).__name__}: {excerpt(str(error))}") from None


def load_version(spec: str, data_dir: Path, repo: Path, workspace: Path) -> tuple[Figures, dict[str, str]]:
    try:
        if Path(spec).is_dir():
            return figures_of(Path(spec))
        target = workspace / f"v{len(list(workspace.iterdir()))}"
        return read_revision(repo, spec, data_dir.resolve().relative_to(repo.resolve()).as_posix(), target,
                             total_limit(data_dir))
    except DataError as error:
        errors = [p for p in error.problems if p.is_error]
        raise VersionError(f"data pada {spec} tidak sah ({len(errors)} galat), mis.: {errors[0]}") from None


def diff_sources(base: str, head: str, data_dir: Path, repo: Path) -> DiffResult:
    with tempfile.TemporaryDirectory(prefix="kecamatan-diff-") as tmp:
        workspace = Path(tmp)
        return diff_figures(load_version(base, data_dir, repo, workspace), load_version(head, data_dir, repo, workspace))
