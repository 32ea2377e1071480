"""Synthetic data at national scale: real Kemendagri regions, the real reports as templates.

`generate` picks kecamatan from the official list (data/referensi/kemendagri/), groups them under their
real kabupaten/kota and gives each one of the real kecamatan of data/wilayah/ as template: its profil,
Renstra and fullest year file, so file sizes, budget depth, narratives and stated figures are those of
real reports. What the seed varies: the template; the years (consecutive, within the template's Renstra
period); the method (the scales and formulas the reference files offer, declared by the kecamatan or
its kabupaten); a Renstra revision kept, moved or dropped; the realisasi, perturbed with their printed
decimals; some indicators not measured, categorical ones a level up or down; the desa of the IDM table
(the kecamatan's official desa when the list has them, else the template's names without their codes).

The report's own arithmetic follows the new figures as far as it held in the template: budget lines are
re-added from the lines under them (so the sums the validator checks hold), and a printed derived figure
(penyerapan, sisa, totals, capaian, efisiensi, averages) that was the template's figure correctly rounded
or cut is the new figure rounded the same way; one that was off stays off by as much. The audit then
finds about what it finds in the real reports.

Texts are edited at the positions of their YAML nodes, never re-dumped: comments, quoting and layout
stay as written, and each template is parsed once rather than once per file written, which is what
makes a thousand kecamatan take seconds. Same arguments, same bytes.
"""

from __future__ import annotations

import bisect
import functools
import hashlib
import json
import random
import re
import shutil
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import yaml

from . import compute as c
from .models.common import FORMAT_VERSION, FORMAT_VERSION_KEY
from .formatting import round_half_up, truncate
from .dataset import kabupaten_slug, slug_of
from .load import load_regions

DATA = Path(__file__).resolve().parent.parent / "data"
METHOD_KEYS = ("skala_capaian", "rumus_capaian_turun", "rumus_efisiensi")
BUDGET_CHILDREN = ("kegiatan", "sub_kegiatan", "rincian")
NOT_MEASURED = (
    "Data realisasi belum tersedia saat laporan disusun (data sintetis)",
    "Pengukuran tidak dilaksanakan tahun ini (data sintetis)",
    "Laporan mencetak tanda - pada kolom realisasi (data sintetis)",
)
NOT_MEASURED_SHARE = 0.06  # of the indicators with a realisasi, per year
KINERJA_SPREAD = 0.07  # realisasi x (1 ± this)
# Matches, in this order: a period (kept as written), a date's year, a year on its own. Years inside ids,
# regulation numbers (88/2021) and figures are not matched.
YEAR_TOKEN = re.compile(r"(?<!\d)\d{4}\s*[-–]\s*\d{4}(?!\d)|(?<![\w./-])(\d{4})(?=-\d\d-\d\d(?!\d))"
                        r"|(?<![\w./,-])(\d{4})(?![\w/-]|[.,]\d)")
PLAIN = (None, "")  # a plain scalar's style (the C composer says "")
NUMBER = re.compile(r"-?\d+(?:\.(\d+))?")
CATEGORY = re.compile(r"[A-Z]{1,3}")
NULL = ("", "~", "null", "Null", "NULL")


class SynthError(Exception):
    """Arguments synth cannot honour; the message is in Bahasa Indonesia."""


def rng_for(key: str) -> random.Random:
    """A generator of its own for each thing chosen, so a choice does not depend on what else is generated.

    Seeded from a hash of the key: Random(str) keeps the string in its seed, and keys as alike as
    "0/14.01" and "0/14.02" then give visibly correlated first draws.
    """
    return random.Random(int.from_bytes(hashlib.sha256(key.encode()).digest()[:8], "big"))


# --------------------------------------------------------------------------
# Text edits at node positions
# --------------------------------------------------------------------------

Edit = tuple[int, int, str]  # replace text[start:end]


def splice(text: str, edits: list[Edit], lo: int = 0, hi: int | None = None) -> str:
    """text[lo:hi] with the edits inside it applied; of overlapping edits the one starting first (the
    longer at the same start) wins, so a regenerated block swallows the small edits within it."""
    hi = len(text) if hi is None else hi
    pieces, cursor = [], lo
    for start, end, new in sorted(edits, key=lambda e: (e[0], -e[1])):
        if start < cursor or end > hi:
            continue
        pieces += (text[cursor:start], new)
        cursor = end
    pieces.append(text[cursor:hi])
    return "".join(pieces)


def compose(text: str) -> yaml.Node:
    return yaml.compose(text, Loader=yaml.CSafeLoader)


def get(node: yaml.Node | None, key: str) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if k.value == key:
                return v
    return None


def items(node: yaml.Node | None) -> list[yaml.Node]:
    return node.value if isinstance(node, yaml.SequenceNode) else []


def text_of(node: yaml.Node | None) -> str | None:
    return node.value if isinstance(node, yaml.ScalarNode) and node.value not in NULL else None


def end_of(node: yaml.Node) -> int:
    """Where a node's text ends: the end of its last scalar (a block collection's end mark lies past the
    comments and blank lines that follow it)."""
    while isinstance(node, yaml.CollectionNode) and node.value and not node.flow_style:
        node = node.value[-1][1] if isinstance(node, yaml.MappingNode) else node.value[-1]
    return node.end_mark.index


def key_span(mapping: yaml.Node | None, key: str) -> tuple[int, int] | None:
    """The text to delete to remove `key` and its value from a mapping (block or flow)."""
    pairs = mapping.value if isinstance(mapping, yaml.MappingNode) else []
    for i, (k, v) in enumerate(pairs):
        if k.value == key:
            if i + 1 < len(pairs):
                return k.start_mark.index, pairs[i + 1][0].start_mark.index
            if i > 0:
                return end_of(pairs[i - 1][1]), end_of(v)
    return None


def pair_span(mapping: yaml.Node | None, key: str) -> tuple[int, int] | None:
    """From a key to the end of its value (what to replace by another key and value)."""
    for k, v in mapping.value if isinstance(mapping, yaml.MappingNode) else []:
        if k.value == key:
            return k.start_mark.index, end_of(v)
    return None


def span(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.index, node.end_mark.index


def item_span(text: str, seq: yaml.Node, i: int) -> tuple[int, int]:
    """A block sequence item from its dash to the end of its text (comments before the next item included)."""
    start = text.rfind("-", 0, seq.value[i].start_mark.index)
    end = (text.rfind("-", 0, seq.value[i + 1].start_mark.index) if i + 1 < len(seq.value) else end_of(seq.value[i]))
    return start, len(text[start:end].rstrip()) + start


@functools.lru_cache(maxsize=None)
def scalar(value: str) -> str:
    """A string as a YAML scalar: plain when YAML reads it back unchanged, else double quoted."""
    plain = re.fullmatch(r"[A-Za-z0-9][\w .'()/-]*", value) and ": " not in value and " #" not in value
    if plain and yaml.load(value, Loader=yaml.CSafeLoader) == value:
        return value
    return json.dumps(value, ensure_ascii=False)


def escaped(value: str, style: str | None, whole: bool) -> str:
    """`value` written inside a scalar of this style (or a comment, style None and not whole)."""
    if style == "'":
        return value.replace("'", "''")
    if style == '"':
        return value.replace("\\", "\\\\").replace('"', '\\"')
    return scalar(value) if whole and style in PLAIN else value


# --------------------------------------------------------------------------
# Numbers as printed, and the figures derived from them
# --------------------------------------------------------------------------


@dataclass
class Number:
    """A number as printed: its digits as an integer at its own decimals, and where it is."""

    value: int
    decimals: int
    start: int
    end: int

    def at(self, decimals: int) -> int:
        return self.value * 10 ** (decimals - self.decimals)

    @property
    def decimal(self) -> Decimal:
        return Decimal(self.value).scaleb(-self.decimals)


def number(node: yaml.Node | None) -> Number | None:
    if not isinstance(node, yaml.ScalarNode) or node.style not in PLAIN:
        return None
    match = NUMBER.fullmatch(node.value)
    if not match:
        return None
    return Number(int(node.value.replace(".", "")), len(match.group(1) or ""), *span(node))


def value_of(node: yaml.Node | None):
    """A target or realisasi as the model reads it: a Decimal, a category code, or None."""
    num = number(node)
    if num is not None:
        return num.decimal
    text = text_of(node)
    return text if text and CATEGORY.fullmatch(text) else None


def printed(value: int, decimals: int) -> str:
    sign, value = ("-", -value) if value < 0 else ("", value)
    if decimals == 0:
        return f"{sign}{value}"
    whole, part = divmod(value, 10**decimals)
    return f"{sign}{whole}.{part:0{decimals}d}"


@dataclass
class Rule:
    """How a printed figure derives from a line's amounts: rounded or cut from them, or off by `delta`."""

    stated: Number
    figure: str  # penyerapan, sisa, pagu or realisasi
    mode: str  # round, cut or off
    delta: Fraction = Fraction(0)


def derived(figure: str, pagu: int | None, realisasi: int | None, scale: int) -> tuple[int, int] | None:
    """A line's penyerapan, sisa, pagu or realisasi as a fraction (numerator, denominator), amounts at `scale`."""
    if figure == "penyerapan":
        return (realisasi * 100, pagu) if pagu and realisasi is not None else None
    if figure == "sisa":
        value = None if pagu is None or realisasi is None else pagu - realisasi
    else:
        value = pagu if figure == "pagu" else realisasi
    return None if value is None else (value, 10**scale)


def rounded(num: int, den: int, places: int, cut: bool = False) -> int:
    """num / den (den > 0) at `places` decimals, as an integer: rounded half up (away from zero), or cut."""
    sign, num = (-1, -num) if num < 0 else (1, num)
    scaled = num * 10**places
    return sign * (scaled // den if cut else (2 * scaled + den) // (2 * den))


def rule_of(stated: Number, figure: str, exact: tuple[int, int] | None) -> Rule | None:
    if exact is None:
        return None
    if rounded(*exact, stated.decimals) == stated.value:
        return Rule(stated, figure, "round")
    if rounded(*exact, stated.decimals, cut=True) == stated.value:
        return Rule(stated, figure, "cut")
    return Rule(stated, figure, "off", Fraction(stated.value, 10**stated.decimals) - Fraction(*exact))


def apply_rule(rule: Rule, exact: tuple[int, int] | None) -> list[Edit]:
    """The printed figure for new amounts, derived as the rule says (money never below 0)."""
    if exact is None:
        return []
    places = rule.stated.decimals
    if rule.mode == "off":
        moved = Fraction(*exact) + rule.delta
        exact = moved.numerator, moved.denominator
    value = rounded(*exact, places, cut=rule.mode == "cut")
    if rule.figure != "penyerapan":
        value = max(value, 0)
    return [] if value == rule.stated.value else [(rule.stated.start, rule.stated.end, printed(value, places))]


def follow(stated: Number | None, old: Decimal | None, new: Decimal | None, money: bool = False) -> list[Edit]:
    """A printed derived figure after its inputs changed: the new figure rounded (or cut) as the report
    rounded the old one, when it did; else off from the new figure by as much as it was off from the old."""
    if stated is None or old is None or new is None:
        return []
    places, shown = stated.decimals, stated.decimal
    if round_half_up(old, places) == shown:
        value = round_half_up(new, places)
    elif truncate(old, places) == shown:
        value = truncate(new, places)
    else:
        value = round_half_up(shown + new - old, places)
    if money and value < 0:
        value = 0 * value
    value += 0  # never "-0.00"
    return [] if value == shown else [(stated.start, stated.end, format(value, "f"))]


def capaian_of(target, realisasi, polaritas: str, method: dict[str, str], codes: list[str] | None) -> Decimal | None:
    """Capaian as the analysis computes it (builder.compute), under a method {field: formula id}."""
    if isinstance(target, str) and isinstance(realisasi, str):
        if not codes or target not in codes or realisasi not in codes:
            return None
        return Decimal(len(codes) - codes.index(realisasi)) / Decimal(len(codes) - codes.index(target)) * c.HUNDRED
    if not isinstance(target, Decimal) or not isinstance(realisasi, Decimal):
        return None
    if polaritas == "turun":
        formula = c.CAPAIAN_TURUN.get(method.get("rumus_capaian_turun", ""))
        return formula.function(target, realisasi) if formula else None
    return c.capaian_higher_is_better(target, realisasi)


def efisiensi_of(capaian: Decimal | None, penyerapan: Decimal | None, method: dict[str, str]) -> Decimal | None:
    formula = c.EFISIENSI.get(method.get("rumus_efisiensi", ""))
    return formula.function(capaian, penyerapan) if formula else None


# --------------------------------------------------------------------------
# Region names in the template texts
# --------------------------------------------------------------------------


@dataclass
class Region:
    """One chosen kecamatan with its official kabupaten/kota and provinsi."""

    kode: str
    nama: str
    kab_kode: str
    kab_official: str  # "Kabupaten Bengkalis", "Kota Dumai"
    prov_nama: str

    @property
    def kab_jenis(self) -> str:
        return "kota" if self.kab_official.startswith("Kota ") else "kabupaten"

    @property
    def kab_nama(self) -> str:
        return self.kab_official.split(" ", 1)[1] if self.kab_official.startswith(("Kota ", "Kabupaten ")) \
            else self.kab_official

    def names(self) -> dict[str, str]:
        """Role of a name in a text -> this region's text for it."""
        kab, kota = self.kab_nama, self.kab_jenis == "kota"
        head = "Wali Kota" if kota else "Bupati"
        values = {"kab_full": self.kab_official, "kab_short": f"Kota {kab}" if kota else f"Kab. {kab}",
                  "kab_head": f"{head} {kab}", "kab": kab, "kec": self.nama, "prov_full": f"Provinsi {self.prov_nama}",
                  "prov": self.prov_nama}
        return values | {f"{role}_upper": text.upper() for role, text in values.items()}


def name_pattern(kec: str, kab: str, kab_jenis: str, prov: str, report: str) -> tuple[re.Pattern, dict[str, str]]:
    """A regex of the template's own names (and report id) and the role of each."""
    jenis, head = ("Kota", "Wali Kota") if kab_jenis == "kota" else ("Kabupaten", "Bupati")
    roles = {f"{jenis} {kab}": "kab_full", f"Kab. {kab}": "kab_short", f"{head} {kab}": "kab_head", kab: "kab",
             kec: "kec", f"Provinsi {prov}": "prov_full", prov: "prov"}
    roles |= {text.upper(): f"{role}_upper" for text, role in list(roles.items())}
    roles[report] = "report"
    alternatives = "|".join(re.escape(t) for t in sorted(roles, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?!\w)"), roles


@dataclass
class Slot:
    """A name in a text: where, its role, the style of the scalar it is in (None: plain or a comment)."""

    start: int
    end: int
    role: str
    style: str | None
    whole: bool  # the entire scalar


def scalars_of(root: yaml.Node | None) -> list[yaml.ScalarNode]:
    found, stack = [], [root] if root is not None else []
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.ScalarNode):
            found.append(node)
        elif isinstance(node, yaml.MappingNode):
            stack += [n for pair in node.value for n in pair]
        elif isinstance(node, yaml.SequenceNode):
            stack += node.value
    return sorted(found, key=lambda n: n.start_mark.index)


def name_slots(text: str, root: yaml.Node | None, pattern: re.Pattern, roles: dict[str, str]) -> list[Slot]:
    nodes = scalars_of(root)
    starts = [n.start_mark.index for n in nodes]
    slots = []
    for match in pattern.finditer(text):
        i = bisect.bisect_right(starts, match.start()) - 1
        node = nodes[i] if i >= 0 and match.start() < nodes[i].end_mark.index else None
        whole = node is not None and span(node) == match.span()
        slots.append(Slot(*match.span(), roles[match.group()], node.style if node else None, whole))
    return slots


def year_slots(text: str, base: int) -> list[tuple[int, int, int]]:
    """Years base-1 .. base+1 standing alone or in dates: (start, end, year), to move with the report year."""
    found = []
    for match in YEAR_TOKEN.finditer(text):
        group = 1 if match.group(1) else 2 if match.group(2) else 0
        if group and abs(int(match.group(group)) - base) <= 1:
            found.append((*match.span(group), int(match.group(group))))
    return found


def rename(slots: list[Slot], values: dict[str, str]) -> list[Edit]:
    return [(s.start, s.end, escaped(values[s.role], s.style, s.whole)) for s in slots]


# --------------------------------------------------------------------------
# Templates: the real kecamatan, prepared once
# --------------------------------------------------------------------------


@dataclass
class Indicator:
    """A Renstra indicator in one goal tree: what the year files' figures are computed with."""

    polaritas: str
    sasaran: str | None
    codes: list[str] | None  # categorical: the codes of its scale, best first
    targets: dict[int, yaml.Node]  # year -> the target as printed (a null for none)
    target_akhir: yaml.Node | None


Tree = dict[str, Indicator]  # indicator id -> indicator


@dataclass
class Line:
    """A budget line: pagu and realisasi as printed, the lines that add up to it, what it says of itself."""

    pagu: Number | None
    realisasi: Number | None
    children: list[Line]
    stated: dict[str, Number]  # dinyatakan: penyerapan, sisa, pagu, realisasi
    indikator: str | None  # the indicator it finances (per_kinerja `indikator`, program `indikator_renstra`)
    sasaran: str | None
    index: int = -1  # in Budget.order
    kids: list[int] = field(default_factory=list)  # the children's indexes
    rules: list[Rule] = field(default_factory=list)  # how `stated` followed the template's own amounts


@dataclass
class Budget:
    programs: list[Line]
    belanja: list[Line]
    per_kinerja: list[Line]
    totals: list[dict[str, Number]]  # anggaran.dinyatakan
    decimals: int  # the most any amount is printed with: sums are added at this precision
    order: list[Line]  # every line, children before their parent
    amounts: tuple[list, list]  # pagu, realisasi of each line (by index) as printed, integers at `decimals`


@dataclass
class KinerjaItem:
    indikator: str
    target: object  # the PK target (Decimal, code or None)
    target_perubahan: object
    realisasi: yaml.ScalarNode | None
    removal: tuple[int, int] | None  # `realisasi: ...` (key and value), replaced when not measured
    stated: list[dict[str, yaml.Node]]  # each dinyatakan item: field -> value node


@dataclass
class DesaRow:
    span: tuple[int, int]
    kode: tuple[int, int] | None  # the value
    kode_removal: tuple[int, int] | None
    nama: tuple[int, int] | None


@dataclass
class YearTemplate:
    text: str
    names: list[Slot]
    years: list[tuple[int, int, int]]
    kinerja: list[KinerjaItem]
    budget: Budget
    sasaran: list[tuple[str, dict[str, Number]]]  # sasaran: (id, a dinyatakan item)
    stated: list[dict[str, Number]]  # the year's own dinyatakan (averages)
    desa: list[DesaRow]
    desa_indent: int
    idm_removal: tuple[int, int] | None


@dataclass
class Template:
    folder: str  # e.g. bengkalis/rupat-utara
    year: int
    report: str
    mulai: int
    selesai: int
    method: dict[str, str]  # the template's own (its kabupaten's, then its profil's)
    renstra_name: str
    profil: str
    profil_root: yaml.Node
    profil_names: list[Slot]
    profil_years: list[tuple[int, int, int]]  # for the report's own entry, copied once per year
    renstra: str
    renstra_root: yaml.Node
    renstra_names: list[Slot]
    trees: list[Tree]  # the original goals, then each revision's, in file order
    revision_starts: list[int]
    year_file: YearTemplate

    def tree_in_force(self, year: int, revision: tuple[str, int | None] = ("keep", None)) -> Tree:
        """As builder.dataset.goals_in_force, with a revision kept, dropped or moved to start another year."""
        kind, moved = revision
        starts = [] if kind == "drop" else [moved] * len(self.revision_starts) if kind == "move" else self.revision_starts
        started = [(start, i) for i, start in enumerate(starts) if start <= year]
        return self.trees[max(started)[1] + 1] if started else self.trees[0]


def goal_tree(tujuan: yaml.Node | None, skala: dict) -> Tree:
    tree = {}
    for goal in items(tujuan):
        groups = [(None, get(goal, "indikator"))] + [(text_of(get(s, "id")), get(s, "indikator"))
                                                     for s in items(get(goal, "sasaran"))]
        for sasaran, indicators in groups:
            for ind in items(indicators):
                scale = skala.get(text_of(get(ind, "skala_kategori")) or "")
                targets = get(ind, "target")
                tree[text_of(get(ind, "id"))] = Indicator(
                    text_of(get(ind, "polaritas")) or "naik", sasaran,
                    [t["kode"] for t in scale["tingkat"]] if text_of(get(ind, "jenis")) == "kategori" and scale else None,
                    {int(k.value): v for k, v in targets.value if k.value.isdigit()}
                    if isinstance(targets, yaml.MappingNode) else {},
                    get(ind, "target_akhir"))
    return tree


def merged_method(*layers: dict | None) -> dict[str, str]:
    merged: dict[str, str] = {}
    for layer in layers:
        merged |= {k: v for k, v in (layer or {}).items() if k in METHOD_KEYS and v}
    return merged


def load_template(folder: Path, skala: dict) -> Template | None:
    """A real kecamatan ready to copy, or None when it lacks what a template needs."""
    profil_text = (folder / "profil.yaml").read_text(encoding="utf-8")
    profil = yaml.load(profil_text, Loader=yaml.CSafeLoader) or {}
    kab = yaml.load((folder.parent / "kabupaten.yaml").read_text(encoding="utf-8"), Loader=yaml.CSafeLoader) or {}
    years = sorted(folder.glob("[0-9][0-9][0-9][0-9].yaml"), key=lambda p: (p.stat().st_size, p.name))
    if not years or not profil.get("kode") or not kab.get("provinsi"):
        return None
    year_text = years[-1].read_text(encoding="utf-8")
    year, report = int(years[-1].stem), (yaml.load(year_text, Loader=yaml.CSafeLoader) or {}).get("laporan")
    renstra_path = next((p for p in sorted(folder.glob("renstra-*.yaml"))
                         if int(p.stem.split("-")[1]) <= year <= int(p.stem.split("-")[2])), None)
    if renstra_path is None or report is None:
        return None
    renstra_text = renstra_path.read_text(encoding="utf-8")
    profil_root, renstra_root = compose(profil_text), compose(renstra_text)
    pattern, roles = name_pattern(profil["nama"], kab["nama"], kab.get("jenis", "kabupaten"), kab["provinsi"]["nama"],
                                  report)
    revisions = items(get(renstra_root, "revisi"))
    period = get(renstra_root, "periode")
    return Template(
        folder=f"{folder.parent.name}/{folder.name}", year=year, report=report,
        mulai=int(text_of(get(period, "mulai"))), selesai=int(text_of(get(period, "selesai"))),
        method=merged_method(kab.get("metode"), profil.get("metode")), renstra_name=renstra_path.name,
        profil=profil_text, profil_root=profil_root, profil_names=name_slots(profil_text, profil_root, pattern, roles),
        profil_years=year_slots(profil_text, year),
        renstra=renstra_text, renstra_root=renstra_root,
        renstra_names=name_slots(renstra_text, renstra_root, pattern, roles),
        trees=[goal_tree(get(renstra_root, "tujuan"), skala)] + [goal_tree(get(r, "tujuan"), skala) for r in revisions],
        revision_starts=[int(text_of(get(r, "berlaku_mulai")) or 0) for r in revisions],
        year_file=prepare_year(year_text, year, pattern, roles),
    )


def numbers(node: yaml.Node | None, keys: tuple[str, ...]) -> dict[str, Number]:
    found = {key: number(get(node, key)) for key in keys}
    return {k: v for k, v in found.items() if v is not None}


def prepare_year(text: str, year: int, pattern: re.Pattern, roles: dict[str, str]) -> YearTemplate:
    root = compose(text)
    kinerja = [KinerjaItem(text_of(get(item, "indikator")), value_of(get(item, "target")),
                           value_of(get(item, "target_perubahan")), get(item, "realisasi"), pair_span(item, "realisasi"),
                           [{k.value: v for k, v in d.value} for d in items(get(item, "dinyatakan"))
                            if isinstance(d, yaml.MappingNode)])
               for item in items(get(root, "kinerja"))]
    anggaran = get(root, "anggaran")
    budget = Budget(*([budget_line(n) for n in items(get(anggaran, key))] for key in ("program", "belanja", "per_kinerja")),
                    [numbers(d, ("pagu", "realisasi", "penyerapan", "sisa")) for d in items(get(anggaran, "dinyatakan"))],
                    0, [], ([], []))
    index_budget(budget)
    desa_seq = get(get(root, "idm"), "desa")
    desa = []
    if isinstance(desa_seq, yaml.SequenceNode) and not desa_seq.flow_style:
        for i, row in enumerate(desa_seq.value):
            kode, nama = get(row, "kode"), get(row, "nama")
            desa.append(DesaRow(item_span(text, desa_seq, i), span(kode) if kode else None, key_span(row, "kode"),
                                span(nama) if nama else None))
    return YearTemplate(
        text, name_slots(text, root, pattern, roles), year_slots(text, year), kinerja, budget,
        [(text_of(get(s, "sasaran")), numbers(d, ("capaian", "penyerapan", "efisiensi")))
         for s in items(get(root, "sasaran")) for d in items(get(s, "dinyatakan"))],
        [numbers(d, ("capaian_rata_rata", "penyerapan_rata_rata", "efisiensi_rata_rata"))
         for d in items(get(root, "dinyatakan"))],
        desa, desa_seq.start_mark.column if desa else 0, key_span(root, "idm"))


def budget_line(node: yaml.Node) -> Line:
    children = [budget_line(child) for key in BUDGET_CHILDREN for child in items(get(node, key))]
    return Line(number(get(node, "pagu")), number(get(node, "realisasi")), children,
                numbers(get(node, "dinyatakan"), ("penyerapan", "sisa", "pagu", "realisasi")),
                text_of(get(node, "indikator")) or text_of(get(node, "indikator_renstra")), text_of(get(node, "sasaran")))


def lines_of(line: Line):
    """The line and every line under it, children before their parent."""
    for child in line.children:
        yield from lines_of(child)
    yield line


def index_budget(budget: Budget) -> None:
    """Number the lines, children first, with their amounts at one precision and the rules of what they print."""
    budget.order = [one for top in (*budget.programs, *budget.belanja, *budget.per_kinerja) for one in lines_of(top)]
    budget.decimals = max((n.decimals for line in budget.order for n in (line.pagu, line.realisasi) if n), default=0)
    for i, line in enumerate(budget.order):
        line.index = i
        line.kids = [child.index for child in line.children]
        pagu, realisasi = (n.at(budget.decimals) if n else None for n in (line.pagu, line.realisasi))
        budget.amounts[0].append(pagu)
        budget.amounts[1].append(realisasi)
        line.rules = [rule_of(num, key, derived(key, pagu, realisasi, budget.decimals))
                      for key, num in line.stated.items()]
        line.rules = [rule for rule in line.rules if rule is not None]


# --------------------------------------------------------------------------
# Choices
# --------------------------------------------------------------------------


@dataclass
class Plan:
    """Everything chosen for one synthetic kecamatan."""

    region: Region
    template: Template
    years: list[int]
    metode: dict[str, str] | None  # written in profil.yaml; None: inherited from the kabupaten
    method: dict[str, str]  # in effect (the kabupaten's, then the profil's)
    revision: tuple[str, int | None]  # ("keep" | "drop" | "move", year)
    desa: list[tuple[str, str]] | None  # official (code, name) for the IDM table; None: the list has no desa
    seed: str


def method_options(referensi: Path) -> dict[str, list[str]]:
    """The scales and formulas a `metode` may name: every capaian scale (not those graded by role) and formula."""
    skala = yaml.load((referensi / "skala.yaml").read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    rumus = yaml.load((referensi / "rumus.yaml").read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    roles = set((skala.get("peran") or {}).values())
    return {"skala_capaian": [k for k in skala["skala"] if k not in roles],
            "rumus_capaian_turun": list(rumus["capaian_turun"]), "rumus_efisiensi": list(rumus["efisiensi"])}


def pick_method(rng: random.Random, options: dict[str, list[str]]) -> dict[str, str]:
    return {key: rng.choice(options[key]) for key in METHOD_KEYS}


def pick_regions(regions: dict, count: int, provinsi: list[str] | None, rng: random.Random) -> list[Region]:
    for code in provinsi or []:
        if code not in regions["provinsi"]:
            raise SynthError(f'kode provinsi "{code}" tidak ada di daftar Kemendagri; tulis kode 2 angka, mis. 14 (Riau)')
    candidates = sorted(c for c in regions["kecamatan"] if not provinsi or c[:2] in provinsi)
    if not 1 <= count <= len(candidates):
        raise SynthError(f"--kecamatan harus antara 1 dan {len(candidates)} (jumlah kecamatan di daftar Kemendagri"
                         f"{' untuk provinsi ' + ', '.join(provinsi) if provinsi else ''}), bukan {count}")
    chosen = sorted(rng.sample(candidates, count))
    return [Region(c, regions["kecamatan"][c], c[:5], regions["kabupaten"][c[:5]], regions["provinsi"][c[:2]])
            for c in chosen]


def revisions_movable(t: Template) -> bool:
    """Every goal tree holds the year file's indicators, so any of them may be in force any year."""
    needed = {k.indikator for k in t.year_file.kinerja}
    return all(needed <= set(tree) for tree in t.trees)


def plan_kecamatan(region: Region, templates: list[Template], years: int, seed: int, kab_method: dict | None,
                   options: dict, desa: list[tuple[str, str]] | None) -> Plan:
    """The choices for one kecamatan, from a generator of its own: they do not depend on the others chosen."""
    key = f"{seed}/{region.kode}"
    rng = rng_for(key)
    t = rng.choice(templates)
    n = min(years, t.selesai - t.mulai + 1)
    first = rng.randint(t.mulai, t.selesai - n + 1)
    metode = None if kab_method and rng.random() < 0.5 else pick_method(rng, options)
    revision: tuple[str, int | None] = ("keep", None)
    if t.revision_starts and revisions_movable(t):
        kind = rng.choice(("keep", "drop", "move") if len(t.revision_starts) == 1 else ("keep", "drop"))
        revision = (kind, rng.randint(t.mulai + 1, t.selesai) if kind == "move" else None)
    written = {k: v for k, v in (metode or {}).items() if get(get(t.profil_root, "metode"), k) is not None}
    return Plan(region, t, list(range(first, first + n)), metode, merged_method(kab_method, written), revision, desa, key)


# --------------------------------------------------------------------------
# Writing one kecamatan: profil and Renstra
# --------------------------------------------------------------------------


def report_id(t: Template, year: int) -> str:
    return t.report.replace(str(t.year), str(year)) if str(t.year) in t.report else f"{t.report}-{year}"


def profil_text(plan: Plan) -> str:
    t, root = plan.template, plan.template.profil_root
    values = plan.region.names() | {"report": report_id(t, plan.years[-1])}
    edits = rename(t.profil_names, values)
    edits.append((*span(get(root, "kode")), f'"{plan.region.kode}"'))
    metode = get(root, "metode")
    if plan.metode is None and key_span(root, "metode"):
        edits.append((*key_span(root, "metode"), ""))
    elif plan.metode is not None:
        edits += [(*span(get(metode, k)), v) for k, v in plan.metode.items() if get(metode, k) is not None]
    if plan.desa:
        counts = {"jumlah_desa": sum(is_desa(c) for c, _ in plan.desa),
                  "jumlah_kelurahan": sum(not is_desa(c) for c, _ in plan.desa)}
        edits += [(*span(get(root, k)), str(v)) for k, v in counts.items() if get(root, k) is not None]
    edits.append(laporan_edit(plan, values))
    return splice(t.profil, edits)


def laporan_edit(plan: Plan, values: dict[str, str]) -> Edit:
    """The template's report, once for every synthetic year; its other reports as they are."""
    t = plan.template
    seq = get(t.profil_root, "laporan")
    if not isinstance(seq, yaml.SequenceNode) or seq.flow_style:
        raise SynthError(f"templat {t.folder}: profil.yaml harus memuat `laporan` sebagai daftar blok")
    ids = {report_id(t, y) for y in plan.years}
    main = next((i for i, item in enumerate(seq.value) if text_of(get(item, "id")) == t.report), None)
    texts = []
    for i, item in enumerate(seq.value):
        lo, hi = item_span(t.profil, seq, i)
        inside = [s for s in t.profil_names if lo <= s.start and s.end <= hi]
        if i == main:
            years = [y for y in t.profil_years if lo <= y[0] and y[1] <= hi]
            texts += [splice(t.profil, rename(inside, values | {"report": report_id(t, year)})
                             + [(s, e, str(v + year - t.year)) for s, e, v in years], lo, hi) for year in plan.years]
        elif text_of(get(item, "id")) not in ids:
            texts.append(splice(t.profil, rename(inside, values), lo, hi))
    start, end = item_span(t.profil, seq, 0)[0], item_span(t.profil, seq, len(seq.value) - 1)[1]
    return start, end, ("\n" + " " * seq.start_mark.column).join(texts)


def renstra_text(plan: Plan) -> str:
    t = plan.template
    edits = rename(t.renstra_names, plan.region.names() | {"report": report_id(t, plan.years[-1])})
    kind, year = plan.revision
    if kind == "drop":
        edits.append((*key_span(t.renstra_root, "revisi"), ""))
    elif kind == "move":
        edits += [(*span(get(r, "berlaku_mulai")), str(year)) for r in items(get(t.renstra_root, "revisi"))]
    return splice(t.renstra, edits)


# --------------------------------------------------------------------------
# Writing one kecamatan: a year
# --------------------------------------------------------------------------


@dataclass
class Figures:
    """One side (the template's year, or the synthetic year) of the figures a report derives."""

    tree: Tree
    method: dict[str, str]
    scale: int  # amounts are integers at this many decimals (Budget.decimals)
    budget: tuple[list, list]  # pagu, realisasi of each line by its index
    capaian: dict[str, Decimal | None] = field(default_factory=dict)
    penyerapan: dict[str, Decimal | None] = field(default_factory=dict)
    efisiensi: dict[str, Decimal | None] = field(default_factory=dict)

    def rupiah(self, value: int | None) -> Decimal | None:
        return None if value is None else Decimal(value).scaleb(-self.scale)

    def amounts(self, lines: list[Line]) -> tuple[Decimal | None, Decimal | None]:
        totals = [[values[line.index] for line in lines] for values in self.budget]
        return tuple(None if None in column else self.rupiah(sum(column)) for column in totals)

    def absorption(self, lines: list[Line]) -> Decimal | None:
        return c.penyerapan(*self.amounts(lines)) if lines else None


def year_text(plan: Plan, year: int) -> str:
    t, y = plan.template, plan.template.year_file
    rng = rng_for(f"{plan.seed}/{year}")
    edits = rename(y.names, plan.region.names() | {"report": report_id(t, year)})
    edits += [(s, e, str(v + year - t.year)) for s, e, v in y.years]
    old = Figures(t.tree_in_force(t.year), t.method, y.budget.decimals, y.budget.amounts)
    size = len(y.budget.order)
    new = Figures(t.tree_in_force(year, plan.revision), plan.method, y.budget.decimals, ([None] * size, [None] * size))
    edits += budget_edits(y.budget, rng, old, new)
    edits += kinerja_edits(y, t.year, year, rng, old, new)
    edits += summary_edits(y, old, new)
    edits += desa_edits(y, plan.desa, rng)
    return splice(y.text, edits)


def budget_edits(budget: Budget, rng: random.Random, old: Figures, new: Figures) -> list[Edit]:
    """Realisasi of the lowest lines perturbed (never above their pagu); every line with lines under it
    re-added from them, as the validator checks (so the template's own unequal sums go too); what the lines
    and totals print of themselves following."""
    edits: list[Edit] = []
    scale = budget.decimals
    absorption = rng.uniform(0.9, 1.04)  # this year's overall spending, relative to the template
    pagu_of, realisasi_of = new.budget

    def emit(num: Number, value: int) -> None:
        unit = 10 ** (scale - num.decimals)
        if value != num.at(scale):
            edits.append((num.start, num.end, printed(value // unit, num.decimals) if value % unit == 0
                          else printed(value, scale)))

    for line in budget.order:  # children first
        kids, pagu = line.kids, budget.amounts[0][line.index]
        if pagu is not None and kids and all(pagu_of[k] is not None for k in kids):
            pagu = sum(pagu_of[k] for k in kids)
            emit(line.pagu, pagu)
        realisasi = None
        if line.realisasi is not None and kids and all(realisasi_of[k] is not None for k in kids):
            realisasi = sum(realisasi_of[k] for k in kids)
        elif line.realisasi is not None:
            num, unit = line.realisasi, 10 ** (scale - line.realisasi.decimals)
            own = round(num.value * absorption * rng.uniform(0.97, 1.03))
            realisasi = max(min(own, pagu // unit) if pagu is not None else own, 0) * unit
        if realisasi is not None:
            emit(line.realisasi, realisasi)
        pagu_of[line.index], realisasi_of[line.index] = pagu, realisasi
        for rule in line.rules:
            edits += apply_rule(rule, derived(rule.figure, pagu, realisasi, scale))
    for stated in budget.totals:
        edits += totals_edits(budget, stated, old, new)
    return edits


def totals_edits(budget: Budget, stated: dict[str, Number], old: Figures, new: Figures) -> list[Edit]:
    """A printed total follows the total it printed: the year's lines (as the audit adds them), or else the
    per-indicator table or the spending types when it was theirs."""
    candidates = [lines for lines in (budget.programs or budget.belanja, budget.per_kinerja, budget.belanja) if lines]
    if not candidates:
        return []

    def figures(side: Figures, lines: list[Line]) -> dict[str, Decimal | None]:
        pagu, realisasi = side.amounts(lines)
        return {"pagu": pagu, "realisasi": realisasi, "penyerapan": c.penyerapan(pagu, realisasi),
                "sisa": c.sisa(pagu, realisasi)}

    def matched(lines: list[Line]) -> bool:
        computed = figures(old, lines)
        return any(computed[k] is not None and printed_as(num, computed[k]) for k, num in stated.items())

    lines = next((lines for lines in candidates if matched(lines)), candidates[0])
    before, after = figures(old, lines), figures(new, lines)
    return [e for k, num in stated.items() for e in follow(num, before[k], after[k], money=k != "penyerapan")]


def printed_as(num: Number, value: Decimal) -> bool:
    return num.decimal in (round_half_up(value, num.decimals), truncate(value, num.decimals))


def kinerja_edits(y: YearTemplate, base: int, year: int, rng: random.Random, old: Figures, new: Figures) -> list[Edit]:
    """Realisasi moved a little (a categorical one a level at most) and printed alike wherever the item printed
    it; a few not measured, and those without any target in the new year (a year file copied to another year
    keeps its PK targets, but an indicator with only a Renstra target may have none); the item's printed
    capaian, penyerapan, efisiensi and Renstra target following."""
    edits: list[Edit] = []
    for item in y.kinerja:
        ind_old, ind_new = old.tree.get(item.indikator), new.tree.get(item.indikator)
        if ind_old is None or ind_new is None:
            continue
        target_old = chosen_target(item, ind_old, base)
        target_new = chosen_target(item, ind_new, year)
        realisasi_old = value_of(item.realisasi)
        realisasi_new, item_edits = new_realisasi(item, ind_new, target_new is None, rng)
        edits += item_edits
        for side, ind, target, realisasi in ((old, ind_old, target_old, realisasi_old),
                                             (new, ind_new, target_new, realisasi_new)):
            side.capaian[item.indikator] = capaian_of(target, realisasi, ind.polaritas, side.method, ind.codes)
            side.penyerapan[item.indikator] = side.absorption(budget_rows(y.budget, item.indikator, ind.sasaran))
            side.efisiensi[item.indikator] = efisiensi_of(side.capaian[item.indikator],
                                                          side.penyerapan[item.indikator], side.method)
        for stated in item.stated:
            edits += stated_kinerja_edits(item, stated, (ind_old, base, realisasi_old), (ind_new, year, realisasi_new),
                                          old, new)
    return edits


def chosen_target(item: KinerjaItem, ind: Indicator, year: int):
    """As builder.analysis: the PK perubahan, else the PK, else the year's Renstra target."""
    for target in (item.target_perubahan, item.target, value_of(ind.targets.get(year))):
        if target is not None:
            return target
    return None


def new_realisasi(item: KinerjaItem, ind: Indicator, without_target: bool, rng: random.Random) -> tuple[object, list[Edit]]:
    """The item's new realisasi and the edits that write it."""
    node = item.realisasi
    if node is None or item.removal is None:
        return value_of(node), []
    if without_target:
        return None, [(*item.removal, 'tidak_diukur: "Tidak ada target tahun ini (data sintetis)"')]
    if rng.random() < NOT_MEASURED_SHARE:
        return None, [(*item.removal, f'tidak_diukur: "{rng.choice(NOT_MEASURED)}"')]
    num = number(node)
    if ind.codes and node.value in ind.codes:
        codes = ind.codes
        new = codes[max(0, min(len(codes) - 1, codes.index(node.value) + rng.choice((-1, 0, 0, 1))))]
        edits = [(*span(n), new) for n in (node, *(s.get("realisasi") for s in item.stated))
                 if n is not None and n.value == node.value]
        return new, edits
    if num is None:
        return value_of(node), []
    value = round(num.value * (1 + rng.uniform(-KINERJA_SPREAD, KINERJA_SPREAD)))
    if 0 <= num.value <= 100 * 10**num.decimals:  # a percentage or an index up to 100 stays within it
        value = min(value, 100 * 10**num.decimals)
    new_value = Decimal(value).scaleb(-num.decimals)
    edits = [(num.start, num.end, printed(value, num.decimals))]
    for other in filter(None, (number(s.get("realisasi")) for s in item.stated)):
        edits += follow(other, num.decimal, new_value)
    return new_value, edits


def stated_kinerja_edits(item: KinerjaItem, stated: dict[str, yaml.Node], before: tuple, after: tuple,
                         old: Figures, new: Figures) -> list[Edit]:
    (ind_old, base, realisasi_old), (ind_new, year, realisasi_new) = before, after
    key = item.indikator
    edits = [*follow(number(stated.get("capaian")), old.capaian[key], new.capaian[key]),
             *follow(number(stated.get("penyerapan")), old.penyerapan[key], new.penyerapan[key]),
             *follow(number(stated.get("efisiensi")), old.efisiensi[key], new.efisiensi[key]),
             *follow(number(stated.get("kemajuan_renstra")),
                     capaian_of(value_of(ind_old.target_akhir), realisasi_old, ind_old.polaritas, old.method, ind_old.codes),
                     capaian_of(value_of(ind_new.target_akhir), realisasi_new, ind_new.polaritas, new.method, ind_new.codes))]
    printed_target, renstra_old, renstra_new = (stated.get("target_renstra"), ind_old.targets.get(base),
                                                ind_new.targets.get(year))
    if printed_target is not None and renstra_old is not None and value_of(printed_target) == value_of(renstra_old) \
            and value_of(renstra_new) is not None and renstra_new.style in PLAIN:
        edits.append((*span(printed_target), renstra_new.value))
    return edits


def budget_rows(budget: Budget, indicator: str, sasaran: str | None) -> list[Line]:
    """The budget behind an indicator, by the first rule that finds any (as builder.analysis attach_budget)."""
    rules = ([line for line in budget.per_kinerja if line.indikator == indicator],
             [line for line in budget.programs if line.indikator == indicator],
             [line for line in budget.per_kinerja if sasaran and line.sasaran == sasaran and not line.indikator],
             [line for line in budget.programs if sasaran and line.sasaran == sasaran])
    return next((rows for rows in rules if rows), [])


def summary_edits(y: YearTemplate, old: Figures, new: Figures) -> list[Edit]:
    """The printed figures of each sasaran and the year's averages, following (as builder.analysis computes them)."""
    def sasaran_figures(side: Figures) -> dict[str, tuple]:
        out = {}
        for sid in dict.fromkeys(ind.sasaran for ind in side.tree.values() if ind.sasaran):
            capaian = c.mean(side.capaian.get(i) for i, ind in side.tree.items() if ind.sasaran == sid and not ind.codes)
            rows = [line for line in y.budget.per_kinerja if line.sasaran == sid] or \
                   [line for line in y.budget.programs if line.sasaran == sid]
            absorption = side.absorption(rows)
            out[sid] = (capaian, absorption, efisiensi_of(capaian, absorption, side.method))
        return out

    def year_figures(side: Figures, sasaran: dict[str, tuple]) -> dict[str, Decimal | None]:
        numeric = [side.capaian.get(i) for i, ind in side.tree.items() if not ind.codes]
        return {"capaian_rata_rata": c.mean(numeric), "penyerapan_rata_rata": c.mean(s[1] for s in sasaran.values()),
                "efisiensi_rata_rata": c.mean(side.efisiensi.get(i) for i in side.tree)}

    before, after = sasaran_figures(old), sasaran_figures(new)
    edits: list[Edit] = []
    for sid, stated in y.sasaran:
        if sid in before and sid in after:
            for i, key in enumerate(("capaian", "penyerapan", "efisiensi")):
                edits += follow(stated.get(key), before[sid][i], after[sid][i])
    year_before, year_after = year_figures(old, before), year_figures(new, after)
    for stated in y.stated:
        for key, num in stated.items():
            edits += follow(num, year_before[key], year_after[key])
    return edits


def is_desa(code: str) -> bool:
    """A desa, not a kelurahan: Kemendagri numbers desa 2001, 2002 ... and kelurahan 1001 ..."""
    return code.rpartition(".")[2].startswith("2")


def desa_edits(y: YearTemplate, desa: list[tuple[str, str]] | None, rng: random.Random) -> list[Edit]:
    """The IDM table for the kecamatan's official desa (rows of the template drawn at random); without an
    official list, the template's desa without their codes (which are the template kecamatan's); with a list
    that has no desa for the kecamatan, no IDM table."""
    if not y.desa:
        return []
    if desa is None:
        return [(*row.kode_removal, "") for row in y.desa if row.kode_removal]
    if not desa:
        return [(*y.idm_removal, "")] if y.idm_removal else []
    rows = []
    for code, name in desa:
        row = y.desa[rng.randrange(len(y.desa))]
        edits = [(*row.kode, f'"{code}"')] if row.kode else []
        edits += [(*row.nama, scalar(name))] if row.nama else []
        rows.append(splice(y.text, edits, *row.span))
    return [(y.desa[0].span[0], y.desa[-1].span[1], ("\n" + " " * y.desa_indent).join(rows))]


# --------------------------------------------------------------------------
# Writing one kecamatan: the files
# --------------------------------------------------------------------------


def kabupaten_text(region: Region, metode: dict[str, str] | None) -> str:
    lines = [
        "# yaml-language-server: $schema=../../../schema/kabupaten.schema.json",
        f"# {region.kab_official}, Provinsi {region.prov_nama}: data sintetis (`python -m builder synth`);",
        "# kode dan nama menurut daftar Kemendagri, isi laporan kecamatannya dari laporan sungguhan lain.",
        f"{FORMAT_VERSION_KEY}: {FORMAT_VERSION}",
        f"nama: {scalar(region.kab_nama)}",
        f"jenis: {region.kab_jenis}",
        f'kode: "{region.kab_kode}"',
        "provinsi:",
        f"  nama: {scalar(region.prov_nama)}",
        f'  kode: "{region.kab_kode[:2]}"',
    ]
    if metode:
        lines += ["metode:", *(f"  {k}: {v}" for k, v in metode.items())]
    return "\n".join(lines) + "\n"


def sumber_text(plan: Plan, seed: int) -> str:
    r = plan.region
    return (f"# Data sintetis\n\nKecamatan {r.nama} ({r.kode}), {r.kab_official}, Provinsi {r.prov_nama}: nama dan kode "
            f"menurut daftar Kemendagri. Isi berkasnya dibuat oleh `python -m builder synth` (seed {seed}) dari "
            f"data kecamatan {plan.template.folder}; angkanya bukan angka laporan sungguhan.\n")


def write_kecamatan(folder: Path, plan: Plan, seed: int) -> int:
    folder.mkdir(parents=True)
    files = {"profil.yaml": profil_text(plan), plan.template.renstra_name: renstra_text(plan),
             "SUMBER.md": sumber_text(plan, seed)}
    files |= {f"{year}.yaml": year_text(plan, year) for year in plan.years}
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return len(files)


# --------------------------------------------------------------------------
# The whole data set
# --------------------------------------------------------------------------


def unique(name: str, code: str, used: set[str]) -> str:
    """`name`, or `name` with the code when another region took it already."""
    if name in used:
        name = f"{name}-{code.replace('.', '-')}"
    used.add(name)
    return name


def check_output(out: Path, protected: list[Path]) -> None:
    """Write only into a new or empty folder, never into the project's data."""
    resolved = out.resolve()
    for folder in protected:
        folder = folder.resolve()
        if resolved == folder or folder in resolved.parents or resolved in folder.parents:
            raise SynthError(f"folder keluaran {out} ada di dalam (atau memuat) folder data {folder}; data sintetis "
                             "tidak boleh bercampur dengan data sungguhan. Pilih folder lain, mis. build/sintetis")
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise SynthError(f"folder keluaran {out} sudah ada dan tidak kosong; tidak ditimpa. Pilih folder baru atau kosong")


def desa_by_kecamatan(regions: dict, codes: set[str]) -> dict[str, list[tuple[str, str]]] | None:
    """The official desa/kelurahan (code, name) of the given kecamatan; None when the list has none at all
    (data/referensi/kemendagri/ without villages.csv)."""
    names = regions.get("desa")
    if not names:
        return None
    found: dict[str, list[tuple[str, str]]] = {code: [] for code in codes}
    for code, name in names.items():
        parent = code.rpartition(".")[0]
        if parent in found:
            found[parent].append((code, name))
    return {k: sorted(v) for k, v in found.items()}


def templates_of(source: Path) -> list[Template]:
    skala = yaml.load((source / "referensi" / "skala.yaml").read_text(encoding="utf-8"),
                      Loader=yaml.CSafeLoader)["skala"]
    found = [load_template(p.parent, skala) for p in sorted((source / "wilayah").glob("*/*/profil.yaml"))]
    templates = [t for t in found if t is not None]
    if not templates:
        raise SynthError(f"tidak ada kecamatan di {source / 'wilayah'} yang dapat dijadikan templat "
                         "(perlu profil.yaml dengan kode, kabupaten.yaml, berkas tahun dan Renstra-nya)")
    return templates


def generate(out: Path, kecamatan: int, years: int, seed: int = 0, provinsi: list[str] | None = None, *,
             source: Path = DATA) -> Path:
    """Write a synthetic data set to out/data (referensi copied, wilayah synthetic) and return that folder.

    `source` is the data folder whose referensi and real kecamatan are used (the project's data/).
    """
    check_output(out, [source, DATA])
    if years < 1:
        raise SynthError(f"--years harus paling sedikit 1, bukan {years}")
    regions = load_regions(source)
    if regions is None:
        raise SynthError(f"daftar wilayah Kemendagri tidak ada di {source / 'referensi' / 'kemendagri'}")
    chosen = pick_regions(regions, kecamatan, provinsi, rng_for(f"{seed}/kecamatan"))
    templates = templates_of(source)
    options = method_options(source / "referensi")
    villages = desa_by_kecamatan(regions, {r.kode for r in chosen})
    data = out / "data"
    shutil.copytree(source / "referensi", data / "referensi")
    kab_slugs: set[str] = set()
    kab_folder: dict[str, Path] = {}
    kab_method: dict[str, dict | None] = {}
    kec_slugs: dict[str, set[str]] = {}
    for region in chosen:
        if region.kab_kode not in kab_folder:
            rng = rng_for(f"{seed}/{region.kab_kode}")
            kab_method[region.kab_kode] = pick_method(rng, options) if rng.random() < 0.5 else None
            name = kabupaten_slug(region.kab_official)
            folder = kab_folder[region.kab_kode] = data / "wilayah" / unique(name, region.kab_kode, kab_slugs)
            folder.mkdir(parents=True)
            (folder / "kabupaten.yaml").write_text(kabupaten_text(region, kab_method[region.kab_kode]), encoding="utf-8")
        desa = None if villages is None else villages[region.kode]
        plan = plan_kecamatan(region, templates, years, seed, kab_method[region.kab_kode], options,
                              desa and ([d for d in desa if is_desa(d[0])] or desa))
        name = unique(slug_of(region.nama), region.kode, kec_slugs.setdefault(region.kab_kode, set()))
        write_kecamatan(kab_folder[region.kab_kode] / name, plan, seed)
    return data
