"""Which figures changed between two versions of the data: what a reviewer reads.

A version is a data folder or a git revision (read with `git archive`, so the work
tree is never touched). Both are loaded, validated and computed like the site,
then compared figure by figure: per indicator and year the target, realisasi and
capaian; per budget line its pagu and realisasi. Values are compared as the site
shows them, so a change the site would not show is not reported either.
"""

from __future__ import annotations

import io
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .analysis import BudgetNode, SiteModel
from .formatting import percent, rupiah
from .pipeline import build_model
from .problems import DataError
from .render import value_text


class DiffError(Exception):
    """A version that cannot be read or does not validate; message in Bahasa Indonesia."""


# A figure's key: (kecamatan, year, what) -> {field: shown value}
Figures = dict[tuple[str, int, str], dict[str, str]]


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

    def _summary(self) -> list[str]:
        lines = []
        if self.added_kecamatan:
            lines.append("Kecamatan baru: " + ", ".join(self.added_kecamatan) + ".")
        if self.removed_kecamatan:
            lines.append("Kecamatan dihapus: " + ", ".join(self.removed_kecamatan) + ".")
        if not self:
            lines.append("Tidak ada angka yang berubah.")
        elif self.changes:
            lines.append(f"{len(self.changes)} angka berubah.")
        return lines

    def markdown(self) -> str:
        lines = self._summary()
        if self.changes:
            lines += ["", "| Kecamatan | Tahun | Indikator / pos anggaran | Angka | Lama | Baru |", "|---|---|---|---|---|---|"]
            for c in self.changes:
                cells = [c.kecamatan, str(c.year), c.what, c.field, c.old or "–", c.new or "–"]
                lines.append("| " + " | ".join(_md_cell(x) for x in cells) + " |")
        return "\n".join(lines)

    def text(self) -> str:
        lines = self._summary()
        for c in self.changes:
            lines.append(f"{c.kecamatan} {c.year} · {c.what} · {c.field}: {c.old or '–'} → {c.new or '–'}")
        return "\n".join(lines)


def _md_cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


# --------------------------------------------------------------------------
# Figures of one version
# --------------------------------------------------------------------------


def figures(site: SiteModel) -> dict[str, Figures]:
    """Every figure a reviewer cares about, per kecamatan name."""
    out: dict[str, Figures] = {}
    for kec in site.kecamatan:
        figs: Figures = {}
        for history in kec.history.values():
            for item in history:
                if item.kinerja is None and item.target is None:
                    continue
                figs[(kec.name, item.year, item.indikator.nama)] = {
                    "target": value_text(item.target) if item.target is not None else "",
                    "realisasi": value_text(item.realisasi) if item.realisasi is not None else "",
                    "capaian": percent(item.capaian) if item.capaian is not None else "",
                }
        for year in kec.years:
            for node in year.programs:
                _budget(figs, kec.name, year.year, node, "")
        out[kec.name] = figs
    return out


def _budget(figs: Figures, kecamatan: str, year: int, node: BudgetNode, parent: str) -> None:
    code = getattr(node.model, "kode", None)
    label = f"{code} {node.model.nama}" if code else node.model.nama
    path = f"{parent} › {label}" if parent else f"Anggaran: {label}"
    figs[(kecamatan, year, path)] = {"pagu": rupiah(node.pagu) if node.pagu is not None else "",
                                     "realisasi anggaran": rupiah(node.realisasi) if node.realisasi is not None else ""}
    for child in node.children:
        _budget(figs, kecamatan, year, child, path)


def diff_models(base: SiteModel, head: SiteModel) -> DiffResult:
    old, new = figures(base), figures(head)
    result = DiffResult(added_kecamatan=sorted(set(new) - set(old)), removed_kecamatan=sorted(set(old) - set(new)))
    for name in sorted(set(old) & set(new)):
        keys = list(old[name]) + [k for k in new[name] if k not in old[name]]
        for key in sorted(keys, key=lambda k: (k[1], k[2])):
            before, after = old[name].get(key, {}), new[name].get(key, {})
            for field_name in list(before) + [f for f in after if f not in before]:
                a, b = before.get(field_name, ""), after.get(field_name, "")
                if a != b:
                    result.changes.append(Change(key[0], key[1], key[2], field_name, a, b))
    return result


# --------------------------------------------------------------------------
# Reading a version
# --------------------------------------------------------------------------


def git(repo: Path, *args: str) -> str:
    result = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True)
    if result.returncode != 0:
        raise DiffError(f"git {' '.join(args)}: {result.stderr.strip() or 'gagal'}")
    return result.stdout


def extract_revision(repo: Path, revision: str, data_rel: str, into: Path) -> Path:
    """The data folder as it was at `revision`, unpacked into `into` (an empty folder)."""
    try:
        git(repo, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")
    except DiffError:
        raise DiffError(f'"{revision}" bukan folder data dan bukan revisi git yang dikenal') from None
    archive = subprocess.run(["git", "-C", str(repo), "archive", "--format=tar", revision, "--", data_rel],
                             capture_output=True)
    if archive.returncode != 0:
        raise DiffError(f"folder {data_rel} tidak ada pada revisi {revision}")
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(into, filter="data")
    return into / data_rel


def load_version(spec: str, data_dir: Path, repo: Path, workspace: Path) -> SiteModel:
    path = Path(spec)
    if path.is_dir():
        folder = path
    else:
        target = workspace / f"v{len(list(workspace.iterdir()))}"
        target.mkdir()
        folder = extract_revision(repo, spec, data_dir.resolve().relative_to(repo.resolve()).as_posix(), target)
    try:
        return build_model(folder)
    except DataError as error:
        errors = [p for p in error.problems if p.severity == "galat"]
        raise DiffError(f"data pada {spec} tidak sah ({len(errors)} galat), mis.: {errors[0]}") from None


def diff_sources(base: str, head: str, data_dir: Path, repo: Path) -> DiffResult:
    with tempfile.TemporaryDirectory(prefix="kecamatan-diff-") as tmp:
        workspace = Path(tmp)
        return diff_models(load_version(base, data_dir, repo, workspace), load_version(head, data_dir, repo, workspace))
