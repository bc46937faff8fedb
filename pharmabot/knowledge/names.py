"""Drug names: what people type -> the label's drug.

A drug is identified by its active moieties ("metformin", "sulfamethoxazole and trimethoprim"):
salt and dosage-form words are dropped ("METFORMIN HYDROCHLORIDE", "METOPROLOL SUCCINATE ER
TABLETS"), brand names come from the labels and from the FDA Orange Book ("Zocor" -> simvastatin),
and misspellings are matched with rapidfuzz. Two close but different candidates give an
ambiguous answer with candidates instead of a guess.
"""

from __future__ import annotations

import csv
import gzip
import io
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Literal

from rapidfuzz import fuzz, process

from pharmabot.knowledge.labels import LabelRecord, shipped_data_path

# Salt, ester and hydrate words: dropped when another word remains ("sodium chloride" stays).
SALT_WORDS = frozenset(
    """hydrochloride hcl dihydrochloride monohydrochloride sodium disodium monosodium trisodium potassium
    dipotassium calcium magnesium sulfate bisulfate hemisulfate acetate diacetate fumarate hemifumarate
    tartrate bitartrate mesylate dimesylate besylate maleate succinate citrate phosphate diphosphate
    hydrobromide bromide chloride lactate gluconate oxalate benzoate meglumine tromethamine monohydrate
    dihydrate hemihydrate trihydrate sesquihydrate anhydrous propionate dipropionate furoate valerate
    acetonide hyclate erbumine medoxomil kamedoxomil axetil pivoxil malate tosylate napsylate pamoate
    stearate estolate ethylsuccinate decanoate enanthate cypionate xinafoate trifenatate nitrate lysine
    arginine hydrate salt base epolamine palmitate isethionate""".split()
) | frozenset(
    # Water of crystallization and the basicity of a phosphate ("SODIUM PHOSPHATE, DIBASIC, ANHYDROUS"): they
    # qualify a salt and never name an ingredient of their own.
    HYDRATE_WORDS := frozenset(
        """monobasic dibasic tribasic anhydrous hydrate monohydrate dihydrate trihydrate tetrahydrate pentahydrate
        hexahydrate heptahydrate hemihydrate sesquihydrate""".split()
    )
)

# Dosage-form and packaging words that openFDA sometimes puts in generic names.
FORM_WORDS = frozenset(
    """er xr sr la cd xl dr odt ir tablets tablet tabs capsules capsule caplets extended-release extended
    delayed-release delayed release immediate-release orally disintegrating oral solution suspension
    injection injectable for usp film-coated coated chewable topical ophthalmic otic nasal spray cream gel
    ointment lotion inhalation powder kit syrup elixir drops patch transdermal vaginal rectal
    suppository concentrate liquid emulsion in dextrose water antiseptic""".split()
)

# Brand names that are also everyday words would match ordinary sentences.
_COMMON_WORDS = frozenset(
    """all alli may today plan one day night care cold flu sleep relief pain fever allergy
    clear free max plus extra strength children child adult adults junior kids""".split()
)

# Alcohol typed as a medicine in the interaction check, by the names people give the drink: the class rules' alcohol.
ALCOHOL_NAMES = (
    "ethanol",
    "ethyl alcohol",
    "beer",
    "wine",
    "liquor",
    "spirits",
    "alcoholic drinks",
    "alcoholic beverages",
    "drinking alcohol",
)

# The antacid class typed as one item in the interaction check ("levofloxacin + antacid"): it has no label and no
# product; the class rules and other labels' sentences about antacids speak for it.
ANTACIDS = "antacids"

# Substances that are not medicines in the sense people mean when they name them in a question; "antacids" in a
# label's text is the class the lexicon already reads, not a drug named.
_NOT_MENTIONS = frozenset({"alcohol", "water", "oxygen", "dehydrated alcohol", "antacid", ANTACIDS, *ALCOHOL_NAMES})

OTC_PRODUCTS = "names/otc_products.tsv"


@cache
def otc_products() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Everyday over-the-counter names and their active ingredients (`data/names/otc_products.tsv`, from each
    product's Drug Facts label): the names people type that neither a label here nor the Orange Book gives."""
    text = shipped_data_path(OTC_PRODUCTS).read_text(encoding="utf-8")
    rows = csv.DictReader((line for line in text.splitlines() if not line.startswith("#")), delimiter="\t")
    return tuple((row["name"], tuple(i.strip() for i in row["ingredients"].split(";"))) for row in rows)


# Inactive ingredients and foods people ask about ("does it contain lactose?"): never a misspelled drug name
# ("lactose" is not "lactulose"). Common excipients of FDA's Inactive Ingredient Database and the allergens
# labels declare.
_NOT_MISSPELLINGS = frozenset(
    """lactose gluten gelatin starch sucrose glucose fructose sorbitol mannitol dextrin cellulose sugar sugars
    peanut peanuts almond soybean wheat dairy cheese yogurt yoghurt coffee caffeine alcohol grapefruit juice
    tablets tablet capsules capsule pregnant""".split()
)

# Minerals people name alone ("magnesium", "iron"): in free text each stands for the products whose ingredients
# contain it (magnesium sulfate, ferrous sulfate, ferric maltol...), as an ingredient family does. Typed alone as a
# medicine, it means the mineral as people take it, by mouth (`DrugCatalog.resolve`).
MINERALS: dict[str, tuple[str, ...]] = {
    "iron": ("iron", "ferrous", "ferric"),
    "magnesium": ("magnesium",),
    "calcium": ("calcium",),
    "potassium": ("potassium",),
    "zinc": ("zinc",),
}

# International (INN/BAN) names people use for drugs whose US labels carry the US name.
INTERNATIONAL_NAMES: dict[str, str] = {
    "paracetamol": "acetaminophen",
    "salbutamol": "albuterol",
    "adrenaline": "epinephrine",
    "noradrenaline": "norepinephrine",
    "frusemide": "furosemide",
    "glibenclamide": "glyburide",
    "lignocaine": "lidocaine",
    "pethidine": "meperidine",
    "rifampicin": "rifampin",
    "ciclosporin": "cyclosporine",
    "aciclovir": "acyclovir",
    "valaciclovir": "valacyclovir",
    "amoxycillin": "amoxicillin",
    "co-trimoxazole": "sulfamethoxazole and trimethoprim",
    "cotrimoxazole": "sulfamethoxazole and trimethoprim",
    "thyroxine": "levothyroxine",
    "oestradiol": "estradiol",
    "colecalciferol": "cholecalciferol",
    "dexamfetamine": "dextroamphetamine",
    "hyoscine": "scopolamine",
    "orciprenaline": "metaproterenol",
    "mesalazine": "mesalamine",
    "sodium valproate": "valproic acid",
    "valproate": "valproic acid",
    "vitamin b12": "cyanocobalamin",
}

# First words of multi-word ingredient names that do not name a drug family on their own.
_NOT_FAMILY_WORDS = (
    SALT_WORDS
    | FORM_WORDS
    | frozenset({"vitamin", "human", "recombinant", "purified", "hydrogen", "dextrose", "ferric", "ferrous", "sterile"})
)

_BIOSIMILAR_SUFFIX = re.compile(r"-[a-z]{4}\b")
_NON_WORD = re.compile(r"[^a-z0-9\-\s]")
_COMBINATION_SPLIT = re.compile(r"\s*(?:,|;|/|\+|&|\band\b|\bwith\b)\s*")
# A percent strength inside a generic name ("CLOBETASOL PROPIONATE OINTMENT USP, 0.05%"): not an ingredient.
_PERCENT_STRENGTH = re.compile(r"\b\d+(?:\.\d+)?\s*%")


def normalize(text: str) -> str:
    """Lower case, punctuation to spaces, single spaces."""
    text = _NON_WORD.sub(" ", text.lower().replace("®", " ").replace("™", " "))
    return " ".join(text.split())


# Anions of mineral salts taken for the metal itself (antacids, supplements, buffers): in "magnesium oxide" or
# "calcium carbonate" the active part is the cation, so such a name keeps both words, as "potassium chloride" does,
# instead of being cut down to its anion. Elsewhere they stay part of the name ("nitric oxide", "lanthanum carbonate").
MINERAL_ANIONS = frozenset({"oxide", "hydroxide", "carbonate", "bicarbonate", "trisilicate", "dioxide", "peroxide"})


def moiety(name: str) -> str:
    """Active moiety of one ingredient name: salt and form words dropped when something remains."""
    words = _BIOSIMILAR_SUFFIX.sub("", normalize(name)).split()
    kept = [w for w in words if w not in FORM_WORDS] or words
    core = [w for w in kept if w not in SALT_WORDS] or [w for w in kept if w not in HYDRATE_WORDS] or kept
    if any(w not in SALT_WORDS for w in kept) and all(w in MINERAL_ANIONS for w in core):
        return " ".join(kept)
    return " ".join(core)


def ingredients_of(name: str) -> tuple[str, ...]:
    """Moieties of a possibly combined name, sorted ("amlodipine and benazepril hcl" -> both)."""
    parts = [
        moiety(part)
        for part in _COMBINATION_SPLIT.split(_PERCENT_STRENGTH.sub(" ", name.lower()))
        if part.strip() and not set(normalize(part).split()) <= HYDRATE_WORDS
    ]
    return tuple(sorted({p for p in parts if p}))


def drug_key(ingredients: Iterable[str]) -> str:
    return " and ".join(sorted(set(ingredients)))


@dataclass
class DrugEntry:
    """One drug of the catalog and the labels that describe it, best label first."""

    key: str
    ingredients: tuple[str, ...]
    brands: list[str] = field(default_factory=list)
    set_ids: list[str] = field(default_factory=list)
    oral: bool = False  # some label or Orange Book product of it is taken by mouth

    @property
    def name(self) -> str:
        return self.key

    @property
    def has_label(self) -> bool:
        return bool(self.set_ids)

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "ingredients": list(self.ingredients),
            "brands": self.brands,
            "set_ids": self.set_ids,
            "oral": self.oral,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DrugEntry:
        return cls(
            key=data["key"],
            ingredients=tuple(data["ingredients"]),
            brands=list(data["brands"]),
            set_ids=list(data["set_ids"]),
            oral=bool(data.get("oral", False)),
        )


# Sections that make a label usable on its own: what it is for, how it is taken, and its warnings.
_CORE_SECTIONS = ("indications_and_usage", "dosage_and_administration")
_WARNING_SECTIONS = ("boxed_warning", "warnings_and_cautions", "warnings", "contraindications", "adverse_reactions")
# Full prescribing information, as opposed to an OTC "Drug Facts" panel or a partial record.
_PRESCRIBING_SECTIONS = ("adverse_reactions", "clinical_pharmacology", "mechanism_of_action", "drug_interactions")
_KIT = re.compile(r"\bkit\b", re.IGNORECASE)


def label_rank(label: LabelRecord) -> tuple[int, int, int, int, str, int]:
    """How good a label is as THE label of its drug (higher is better); a deliberate, stable order.

    1. complete: says what it is for, how it is taken, and warns (partial records come after);
    2. full prescribing information before an OTC "Drug Facts" panel of the same ingredients;
    3. the firm's own label before a repackager's or relabeler's copy of it;
    4. the plain product: taken by mouth, and not a kit, before other routes and kits (a drug's other
       route sets still get their own indexed label, see `pharmabot.knowledge.index.choose_labels`);
    5. the newest (undated last);
    6. the one with more sections.
    """
    sections = label.sections
    complete = all(k in sections for k in _CORE_SECTIONS) and any(k in sections for k in _WARNING_SECTIONS)
    prescribing = sum(1 for k in _PRESCRIBING_SECTIONS if k in sections) >= 2
    routes = {r.upper() for r in label.routes}
    kit = any(_KIT.search(name) for name in (*label.generic_names, *label.brand_names))
    plain = 0 if kit else 2 if routes == {"ORAL"} else 1 if "ORAL" in routes else 0
    return (
        int(complete),
        int(prescribing),
        int(not label.repackaged),
        plain,
        label.effective_time or "",
        len(sections),
    )


def label_ingredients(label: LabelRecord) -> tuple[str, ...]:
    """Moieties of a label: from its generic name, else its substances."""
    for source in (label.generic_names, label.substance_names):
        found: set[str] = set()
        for name in source:
            found.update(ingredients_of(name))
        if found:
            return tuple(sorted(found))
    return ()


def read_orange_book(path: Path) -> Iterator[tuple[str, tuple[str, ...], bool]]:
    """(trade name, ingredient moieties, taken by mouth) rows of the Orange Book products file (.tsv or .tsv.gz)."""
    data = path.read_bytes()
    text = (gzip.decompress(data) if path.suffix == ".gz" else data).decode("utf-8")
    for row in csv.DictReader(io.StringIO(text), delimiter="\t"):
        trade = (row.get("trade_name") or "").strip()
        ingredient = row.get("ingredient") or ""
        moieties = tuple(sorted({moiety(part) for part in ingredient.split(";") if part.strip()}))
        if trade and moieties:
            yield trade, moieties, "ORAL" in (row.get("dosage_form_route") or "").upper()


def _base_combination(keys: set[str], drugs: dict[str, DrugEntry]) -> set[str]:
    """The pair every other combination builds on, when there is one: imipenem is only ever given with its fixed
    partner cilastatin (cilastatin and imipenem; cilastatin, imipenem and relebactam), so "imipenem" means that pair.
    Products that do not all contain it (alendronate with cholecalciferol, multivitamins) and mixtures of many
    ingredients (infusion electrolytes) stay a choice."""
    if len(keys) < 2:
        return keys
    pairs = [k for k in keys if len(drugs[k].ingredients) == 2]
    simplest = pairs if min(len(drugs[k].ingredients) for k in keys) == 2 else []
    if len(simplest) != 1:
        return keys
    base = set(drugs[simplest[0]].ingredients)
    return {simplest[0]} if all(base <= set(drugs[k].ingredients) for k in keys) else keys


def _single_with_combinations(keys: set[str], drugs: dict[str, DrugEntry]) -> set[str]:
    """The one single-ingredient drug a shared word names, when every other drug holding the word is a combination
    that contains it: "candesartan" is candesartan cilexetil (its product with hydrochlorothiazide only adds a
    partner), as "olmesartan" already is olmesartan through its ester word. Two single drugs holding the word
    (tenofovir alafenamide and tenofovir disoproxil, the insulins) stay a choice."""
    singles = [k for k in keys if len(drugs[k].ingredients) == 1]
    if len(keys) < 2 or len(singles) != 1:
        return keys
    base = drugs[singles[0]].ingredients[0]
    return {singles[0]} if all(base in drugs[k].ingredients for k in keys) else keys


# Metals whose salts are taken for the metal: antacids, supplements, phosphate binders (21 CFR 331.11 lists the
# antacid ones).
MINERAL_CATIONS = frozenset({*MINERALS, "aluminum", "sodium"})


def mineral_salt(name: str) -> bool:
    """True for a mineral or one of its plain salts ("magnesium", "magnesium oxide", "calcium carbonate")."""
    first, *rest = name.split() or [""]
    return first in MINERAL_CATIONS and all(w in SALT_WORDS or w in MINERAL_ANIONS for w in rest)


# Minerals taken as supplements for the metal alone: a plain salt of one typed as a medicine ("ferrous sulfate",
# "ferrous gluconate", "zinc oxide") is the mineral, which the labels that name iron or zinc, and the polyvalent
# cation class, speak for. Magnesium, calcium, aluminum and sodium salts keep their own name: they are antacid and
# laxative actives in their own right (21 CFR 331.11), and labels name them salt by salt.
SUPPLEMENT_MINERALS = ("iron", "zinc")


def supplied_mineral(name: str) -> str | None:
    """The supplement mineral a plain salt of it supplies ("ferrous gluconate" -> "iron", "zinc oxide" -> "zinc")."""
    first, *rest = normalize(name).split() or [""]
    if not all(w in SALT_WORDS or w in MINERAL_ANIONS or w in HYDRATE_WORDS for w in rest):
        return None
    return next((m for m in SUPPLEMENT_MINERALS if first in MINERALS[m]), None)


def is_bare_mineral(drug: DrugEntry) -> bool:
    """True for a mineral or mineral salt as such, with no product of its own here: what the catalog answers for
    "magnesium" or "magnesium oxide" typed alone."""
    return not drug.has_label and drug.ingredients == (drug.key,) and mineral_salt(drug.key)


@dataclass(frozen=True)
class Candidate:
    drug: str
    matched: str
    score: float


@dataclass(frozen=True)
class Resolution:
    """The outcome of resolving one typed name."""

    query: str
    status: Literal["resolved", "ambiguous", "unknown"]
    drug: DrugEntry | None = None
    matched: str | None = None
    method: Literal["exact", "brand", "ingredient", "fuzzy"] | None = None
    score: float = 0.0
    candidates: tuple[Candidate, ...] = ()


# Ingredients a product is only delivered in (a diluent packed with the insulin, a premixed bag): they add no
# interaction of their own, so a product whose other ingredient is one of these still counts as that medicine alone.
_VEHICLES = frozenset({"water", "sodium chloride", "dextrose"})
# A family name ("insulin") is checked as at most this many of its products, the most marketed first; the
# interaction check and the chat read the same products.
MAX_FAMILY_PRODUCTS = 12


@dataclass(frozen=True)
class Family:
    """A name the catalog reads as a choice among products that all hold it as an ingredient word ("insulin":
    insulin aspart, insulin glargine...): someone taking "insulin" takes one of them, so an interaction check reads
    each one's label. MEMBERS are the products checked (capped, those sold under the most product names first),
    TOTAL how many qualified before the cap, LEFT_OUT the combinations with another active ingredient that were not
    read (their partner's interactions are not the typed medicine's)."""

    name: str
    members: tuple[DrugEntry, ...]
    total: int
    left_out: tuple[str, ...] = ()


@dataclass(frozen=True)
class Mention:
    """A drug named inside free text."""

    drug: DrugEntry
    text: str
    start: int
    end: int


# The drugs a text names: each mention, and the other drugs a name several share stands for ("insulin").
MentionGroups = list[tuple[Mention, tuple[str, ...]]]


class DrugCatalog:
    """All drugs of the corpus and every name that points to them."""

    FUZZY_CUTOFF = 80.0
    AMBIGUITY_MARGIN = 3.0
    # Suggestions for a name that did not resolve: plain edit similarity (word order aside), so a misspelling keeps
    # its drug ("ibuprophen" scores 84 against ibuprofen) while a string of random letters, which shares a letter
    # pair with some name at best ("xxyy": 55 against Imvexxy), suggests nothing. A partial-match scorer would
    # score the shared pair alone near 80 and offer that drug.
    SUGGEST_CUTOFF = 70.0

    def __init__(self, drugs: Iterable[DrugEntry], *, brand_map: dict[str, tuple[str, ...]] | None = None) -> None:
        self.drugs: dict[str, DrugEntry] = {d.key: d for d in drugs}
        # Tells whether a word is ordinary label prose ("active", "chronic", "whether"): such a word is never
        # read as a misspelled drug name, however close it is to one ("Factive", "chromic", ...). Set by the
        # label index that holds the text; without one, every close word counts.
        self.prose_word: Callable[[str], bool] | None = None
        self._names: dict[str, set[str]] = defaultdict(set)  # normalized name -> drug keys
        self._kinds: dict[str, Literal["exact", "brand"]] = {}
        self._by_ingredient: dict[str, set[str]] = defaultdict(set)
        # A salt named by its cation ("potassium chloride", "calcium gluconate"): every word is a salt word, so the
        # moiety keeps them all. The first word alone ("potassium") names it as that ingredient's own product.
        self._own_salts: dict[str, set[str]] = defaultdict(set)
        for drug in self.drugs.values():
            if len(drug.ingredients) == 1:
                first, *rest = drug.ingredients[0].split()
                if rest and all(word in SALT_WORDS or word in MINERAL_ANIONS for word in rest):
                    self._own_salts[first].add(drug.key)
        # A mineral typed alone means what people take by mouth. When no salt of its own is both taken by mouth and
        # labelled here ("magnesium": only the sulfate injection), it is the mineral itself: an entry with no label
        # that the class lexicon places (antacids and polyvalent cations chelate quinolones and tetracyclines),
        # never an injection nobody meant. "potassium" keeps its chloride tablets (K-Tab, Klor-Con).
        for mineral in MINERALS:
            own_oral = [k for k in self._own_salts.get(mineral, ()) if self.drugs[k].oral and self.drugs[k].has_label]
            if mineral not in self.drugs and not own_oral:
                self.drugs[mineral] = DrugEntry(key=mineral, ingredients=(mineral,), oral=True)
        # Alcohol has no label and may have no product listed either: the check still knows it (class rules).
        self.drugs.setdefault("alcohol", DrugEntry(key="alcohol", ingredients=("alcohol",), oral=True))
        # Everyday OTC names: a product whose ingredients have no entry yet (Tums: calcium carbonate, sold under a
        # monograph) becomes one with no label, checked through its ingredients like any unlabelled drug.
        otc = [(name, drug_key(ingredients), ingredients) for name, ingredients in otc_products()]
        self._otc_only = otc_only = {key for _, key, _ in otc if key not in self.drugs}
        for _, key, ingredients in otc:
            self.drugs.setdefault(key, DrugEntry(key=key, ingredients=tuple(sorted(set(ingredients))), oral=True))
        for drug in self.drugs.values():
            self._add(drug.key, drug.key, "exact")
            if len(drug.ingredients) > 1:
                self._add(" ".join(drug.ingredients), drug.key, "exact")
            for brand in drug.brands:
                self._add(brand, drug.key, "brand")
            for ingredient in drug.ingredients:
                self._by_ingredient[ingredient].add(drug.key)
        for brand, ingredients in (brand_map or {}).items():
            key = drug_key(ingredients)
            if key in self.drugs:
                self._add(brand, key, "brand")
        for other in ALCOHOL_NAMES:
            if normalize(other) not in self._names:
                self._add(other, "alcohol", "exact")
        for other, key in INTERNATIONAL_NAMES.items():
            if key in self.drugs and normalize(other) not in self._names:
                self._add(other, key, "exact")
        for name, key, _ in otc:
            if normalize(name) not in self._names:
                self._add(name, key, "exact" if key == ANTACIDS else "brand")
        # How many product names (brands, Orange Book trade names) each drug is sold under.
        self._marketed: dict[str, int] = defaultdict(int)
        for name, keys in self._names.items():
            if self._kinds.get(name) == "brand":
                for key in keys:
                    self._marketed[key] += 1
        self._choices = list(self._names)
        self._mention_names = {
            name: keys
            for name, keys in self._names.items()
            if len(name) >= 4
            and name not in _COMMON_WORDS
            and name not in _NOT_MENTIONS
            and not name.isdigit()
            and not any(is_bare_mineral(self.drugs[k]) for k in keys)
        }
        # A family word several drugs start with ("insulin" glargine/lispro...) is a mention of all of
        # them: without it, "insulin" would be fuzzily corrected to another drug ("inulin").
        heads: dict[str, set[str]] = defaultdict(set)
        for drug in self.drugs.values():
            for ingredient in drug.ingredients:
                words = ingredient.split()
                if len(words) > 1 and len(words[0]) >= 6 and words[0] not in _NOT_FAMILY_WORDS:
                    heads[words[0]].add(drug.key)
        for mineral, forms in MINERALS.items():
            for drug in self.drugs.values():
                if is_bare_mineral(drug) or drug.key in otc_only:
                    # Free text naming a mineral keeps meaning all its products; an OTC name's mixture with no
                    # label of its own (Rolaids) is reached by that name, not by every "magnesium".
                    continue
                if any(word in forms for ingredient in drug.ingredients for word in ingredient.split()):
                    heads[mineral].add(drug.key)
        for head, keys in heads.items():
            if len(keys) >= 2 and head not in self._mention_names:
                self._mention_names[head] = keys
        self._max_words = max((len(n.split()) for n in self._mention_names), default=1)

    def _add(self, name: str, key: str, kind: Literal["exact", "brand"]) -> None:
        normalized = normalize(name)
        if not normalized:
            return
        self._names[normalized].add(key)
        self._kinds.setdefault(normalized, kind)

    # --- building -------------------------------------------------------------------------

    @classmethod
    def from_labels(
        cls, labels: Iterable[LabelRecord], *, orange_book: Iterable[tuple[str, tuple[str, ...], bool]] = ()
    ) -> DrugCatalog:
        grouped: dict[str, list[LabelRecord]] = defaultdict(list)
        ingredients: dict[str, tuple[str, ...]] = {}
        for label in labels:
            found = label_ingredients(label)
            if not found:
                continue
            key = drug_key(found)
            grouped[key].append(label)
            ingredients[key] = found
        drugs = []
        for key, group in grouped.items():
            group.sort(key=label_rank, reverse=True)
            brands: dict[str, None] = {}
            for label in group:
                for brand in label.brand_names:
                    if normalize(brand) != key and ingredients_of(brand) != ingredients[key]:
                        brands.setdefault(brand.strip(), None)
            drugs.append(
                DrugEntry(
                    key=key,
                    ingredients=ingredients[key],
                    brands=list(brands),
                    set_ids=[g.set_id for g in group],
                    oral=any("ORAL" in (r.upper() for r in label.routes) for label in group),
                )
            )
        # Orange Book products add brand names, and drugs the corpus has no label for (lisinopril,
        # aspirin...): those resolve, so rules and other labels' mentions can still be checked.
        brand_map: dict[str, tuple[str, ...]] = {}
        unlabelled: dict[str, DrugEntry] = {}
        by_key = {d.key: d for d in drugs}
        for trade, moieties, oral in orange_book:
            key = drug_key(moieties)
            if key not in grouped and key not in unlabelled:
                unlabelled[key] = DrugEntry(key=key, ingredients=moieties)
            if oral:
                (by_key.get(key) or unlabelled[key]).oral = True
            if ingredients_of(trade) != moieties:
                brand_map.setdefault(trade.title(), moieties)
        return cls([*drugs, *unlabelled.values()], brand_map=brand_map)

    def to_dict(self) -> dict[str, Any]:
        # Bare minerals and the OTC names' own entries are not stored: the catalog adds them again when it is read.
        brand_map = {
            name: list(self.drugs[next(iter(keys))].ingredients)
            for name, keys in self._names.items()
            if self._kinds.get(name) == "brand" and len(keys) == 1
        }
        drugs = [d.to_dict() for d in self.drugs.values() if not is_bare_mineral(d) and d.key not in self._otc_only]
        return {"drugs": drugs, "brand_map": brand_map}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DrugCatalog:
        return cls(
            (DrugEntry.from_dict(d) for d in data["drugs"]),
            brand_map={name: tuple(ings) for name, ings in data.get("brand_map", {}).items()},
        )

    # --- lookups ------------------------------------------------------------------------

    def get(self, key: str) -> DrugEntry | None:
        return self.drugs.get(key)

    def resolve(self, text: str) -> Resolution:
        """Resolve one typed name: exact/brand/salt form, then single ingredient, then fuzzy."""
        query = text.strip()
        normalized = normalize(query)
        if not normalized:
            return Resolution(query=query, status="unknown")
        for form in dict.fromkeys((normalized, moiety(normalized), drug_key(ingredients_of(normalized)))):
            keys = self._names.get(form)
            if keys:
                return self._from_keys(query, keys, form, self._kinds.get(form, "exact"), 100.0)
        # A single ingredient with no product of that exact name: its own salt products first ("potassium" ->
        # potassium chloride, not an oxybate mixture that holds potassium), the combinations only when it has none.
        own = self._own_salts.get(normalized)
        if own:
            own = {k for k in own if self.drugs[k].oral} or own
            labelled = {k for k in own if self.drugs[k].has_label} or own
            return self._from_keys(query, self._most_marketed(labelled), normalized, "ingredient", 100.0)
        # A salt of iron or zinc with no product of its own is the mineral ("ferrous sulfate" was a choice among an
        # oral contraceptive and a vitamin that hold ferrous salts).
        mineral = supplied_mineral(normalized)
        if mineral is not None and mineral in self.drugs:
            return self._from_keys(query, {mineral}, normalized, "ingredient", 100.0)
        # A mineral salt with no product of its own ("magnesium oxide", "calcium carbonate": sold over the counter
        # under monographs, so neither a label nor the Orange Book lists it alone) is that salt, not a choice among
        # the combinations that contain it nor a close spelling of another salt ("calcium citrate" is not calcium
        # acetate); the class lexicon places it (antacids and polyvalent cations, potassium salts).
        salt = moiety(normalized)
        if mineral_salt(salt):
            bare = DrugEntry(key=salt, ingredients=(salt,), oral=True)
            return Resolution(query=query, status="resolved", drug=bare, matched=salt, method="ingredient", score=100.0)
        keys = self._by_ingredient.get(salt)
        if keys:
            return self._from_keys(query, _base_combination(keys, self.drugs), salt, "ingredient", 100.0)
        # A word shared by several drugs ("insulin" -> insulin lispro, insulin aspart...).
        padded = f" {normalized} "
        containing = {key for key in self.drugs if padded in f" {key} "}
        if containing:
            return self._from_keys(
                query, _single_with_combinations(containing, self.drugs), normalized, "ingredient", 100.0
            )
        return self._fuzzy(query, normalized)

    def family(self, resolution: Resolution, *, limit: int = MAX_FAMILY_PRODUCTS) -> Family | None:
        """The products an ambiguous name stands for together, when every candidate holds the typed name as an
        ingredient word (None for a name ambiguous between unrelated drugs, or a fuzzy reading of a misspelling).

        The medicine alone (or with a delivery vehicle only) is read; combinations with another active ingredient
        only when nothing else holds the word ("tenofovir" alone is sold alone, so its combinations stay out)."""
        word = resolution.matched
        if resolution.status != "ambiguous" or not word or not resolution.candidates:
            return None
        padded = f" {word} "
        keys = [c.drug for c in resolution.candidates]
        if any(c.matched != word or c.drug not in self.drugs for c in resolution.candidates):
            return None
        if not all(any(padded in f" {i} " for i in self.drugs[k].ingredients) for k in keys):
            return None

        def alone(key: str) -> bool:
            return all(padded in f" {i} " or i in _VEHICLES for i in self.drugs[key].ingredients)

        singles = [k for k in keys if alone(k)]
        chosen = singles or keys
        # The medicine on its own before its packs with a vehicle, then sold under the most product names, then
        # labelled: the cap keeps the ones people are most likely to be taking.
        ranked = sorted(
            chosen,
            key=lambda k: (
                len(self.drugs[k].ingredients),
                -self._marketed.get(k, 0),
                not self.drugs[k].has_label,
                len(k),
                k,
            ),
        )
        left_out = tuple(sorted(k for k in keys if k not in chosen))
        return Family(
            name=word, members=tuple(self.drugs[k] for k in ranked[:limit]), total=len(chosen), left_out=left_out
        )

    def _most_marketed(self, keys: set[str]) -> set[str]:
        """Of an ingredient's salts, the one sold under the most product names when one stands out: "potassium"
        alone means the chloride (K-Tab, Klor-Con...), the form people take, not the acetate for infusions."""
        if len(keys) < 2:
            return keys
        counts = {k: self._marketed.get(k, 0) for k in keys}
        top = max(counts.values())
        best = {k for k, n in counts.items() if n == top}
        return best if top > 0 and len(best) == 1 else keys

    def _from_keys(
        self, query: str, keys: set[str], matched: str, method: Literal["exact", "brand", "ingredient"], score: float
    ) -> Resolution:
        if len(keys) == 1:
            key = next(iter(keys))
            return Resolution(
                query=query, status="resolved", drug=self.drugs[key], matched=matched, method=method, score=score
            )
        # Prefer the single-ingredient product when the name is exactly that ingredient.
        singles = [k for k in keys if k == matched]
        if len(singles) == 1:
            return Resolution(
                query=query, status="resolved", drug=self.drugs[singles[0]], matched=matched, method=method, score=score
            )
        candidates = tuple(Candidate(drug=k, matched=matched, score=score) for k in sorted(keys))
        return Resolution(query=query, status="ambiguous", matched=matched, candidates=candidates)

    def _fuzzy(self, query: str, normalized: str) -> Resolution:
        hits = process.extract(normalized, self._choices, scorer=fuzz.ratio, limit=12, score_cutoff=self.FUZZY_CUTOFF)
        best_by_drug: dict[str, Candidate] = {}
        for name, score, _ in hits:
            for key in self._names[name]:
                if key not in best_by_drug or score > best_by_drug[key].score:
                    best_by_drug[key] = Candidate(drug=key, matched=name, score=round(score, 1))
        ranked = sorted(best_by_drug.values(), key=lambda c: (-c.score, c.drug))
        if not ranked:
            return Resolution(query=query, status="unknown", candidates=tuple(self.suggest(query, limit=5)))
        top = ranked[0]
        if len(ranked) > 1 and top.score - ranked[1].score < self.AMBIGUITY_MARGIN:
            return Resolution(query=query, status="ambiguous", candidates=tuple(ranked[:5]))
        return Resolution(
            query=query,
            status="resolved",
            drug=self.drugs[top.drug],
            matched=top.matched,
            method="fuzzy",
            score=top.score,
            candidates=tuple(ranked[1:5]),
        )

    def suggest(self, text: str, *, limit: int = 10) -> list[Candidate]:
        """Autocomplete: prefix matches first, then fuzzy ones; one entry per drug."""
        normalized = normalize(text)
        if not normalized:
            return []
        found: dict[str, Candidate] = {}
        for name in sorted(self._choices, key=lambda n: (len(n), n)):
            if name.startswith(normalized) or f" {normalized}" in f" {name}":
                for key in sorted(self._names[name]):
                    found.setdefault(key, Candidate(drug=key, matched=name, score=100.0))
            if len(found) >= limit:
                break
        if len(found) < limit:
            for name, score, _ in process.extract(
                normalized,
                self._choices,
                scorer=fuzz.token_sort_ratio,
                limit=limit * 2,
                score_cutoff=self.SUGGEST_CUTOFF,
            ):
                for key in sorted(self._names[name]):
                    found.setdefault(key, Candidate(drug=key, matched=name, score=round(score, 1)))
        return list(found.values())[:limit]

    def find_mentions(self, text: str) -> list[Mention]:
        """Drugs named in free text: exact names and brands (longest first), then close misspellings."""
        mentions = [m for m, alternatives in self._scan(text) if not alternatives]
        unique: dict[str, Mention] = {}
        for mention in mentions:
            unique.setdefault(mention.drug.key, mention)
        return list(unique.values())

    def find_mention_groups(self, text: str) -> MentionGroups:
        """Like find_mentions, but a name shared by several drugs ("insulin") also counts: (mention, other keys)."""
        unique: dict[str, tuple[Mention, tuple[str, ...]]] = {}
        for mention, alternatives in self._scan(text):
            unique.setdefault(mention.drug.key, (mention, alternatives))
        return list(unique.values())

    def related_labelled(self, key: str, *, limit: int = 8) -> list[str]:
        """Labelled drugs that contain all of KEY's ingredients (heparin -> heparin in dextrose), simplest first."""
        drug = self.drugs.get(key)
        if drug is None:
            return []
        sets = [self._by_ingredient.get(i, set()) for i in drug.ingredients]
        if len(drug.ingredients) == 1 and drug.ingredients[0] in MINERALS:
            # A mineral with no label of its own ("magnesium") is spoken for by the labels of its salts too
            # (magnesium sulfate, ferric maltol), taken by mouth first.
            sets = [sets[0] | self._salt_products(drug.ingredients[0])]
        found = set.intersection(*sets) if sets else set()
        labelled = [k for k in found if self.drugs[k].has_label]
        return sorted(labelled, key=lambda k: (len(self.drugs[k].ingredients), not self.drugs[k].oral, k))[:limit]

    def _salt_products(self, mineral: str) -> set[str]:
        """Drugs with an ingredient that is a plain salt of MINERAL ("magnesium sulfate", "ferrous sulfate")."""
        prefixes = MINERALS[mineral]
        return {
            key
            for ingredient, keys in self._by_ingredient.items()
            if ingredient.split()[0] in prefixes
            and all(w in SALT_WORDS or w in MINERAL_ANIONS for w in ingredient.split()[1:])
            for key in keys
        }

    def _scan(self, text: str) -> list[tuple[Mention, tuple[str, ...]]]:
        """Named drugs in TEXT; a name shared by several drugs gives its first key plus the others."""
        tokens = [(m.group(), m.start(), m.end()) for m in re.finditer(r"[A-Za-z0-9][A-Za-z0-9\-]*", text)]
        lowered = [normalize(tok) for tok, _, _ in tokens]
        found: list[tuple[Mention, tuple[str, ...]]] = []
        taken = [False] * len(tokens)
        for size in range(min(self._max_words, len(tokens)), 0, -1):
            for i in range(len(tokens) - size + 1):
                if any(taken[i : i + size]):
                    continue
                name = " ".join(lowered[i : i + size])
                keys = self._mention_names.get(name)
                if keys is None and size == 1:
                    keys = self._mention_names.get(moiety(name))
                if not keys:
                    continue
                resolved = self._from_keys(name, keys, name, "exact", 100.0)
                start, end = tokens[i][1], tokens[i + size - 1][2]
                alternatives: tuple[str, ...] = ()
                if resolved.drug is not None:
                    drug = resolved.drug
                else:
                    # Shared by several drugs: labelled ones first, so a caller that picks one gets text, and the
                    # simplest of those first (calcium gluconate before a five-salt infusion).
                    ordered = sorted(
                        keys, key=lambda k: (not self.drugs[k].has_label, len(self.drugs[k].ingredients), len(k), k)
                    )
                    drug, alternatives = self.drugs[ordered[0]], tuple(ordered[1:])
                found.append((Mention(drug=drug, text=text[start:end], start=start, end=end), alternatives))
                # Taken either way: a shared name must not be "corrected" into another drug's misspelling.
                for j in range(i, i + size):
                    taken[j] = True
        # Misspellings: single long words close to one drug name only.
        for i, word in enumerate(lowered):
            if taken[i] or len(word) < 6 or word in _COMMON_WORDS or word in _NOT_MISSPELLINGS:
                continue
            hits = process.extract(word, self._mention_names.keys(), scorer=fuzz.ratio, limit=6, score_cutoff=85)
            # The index stems words ("gabapentine" -> "gabapentin"): a name with letters added or cut off stays a
            # name, whatever the prose holds.
            if (
                hits
                and self.prose_word is not None
                and not any(word.startswith(name) or name.startswith(word) for name, _, _ in hits)
                and self.prose_word(word)
            ):
                continue
            best: dict[str, float] = {}
            for name, score, _ in hits:
                for key in self._mention_names[name]:
                    best[key] = max(best.get(key, 0.0), score)
            ranked = sorted(best.items(), key=lambda item: -item[1])
            if ranked and (len(ranked) == 1 or ranked[0][1] - ranked[1][1] >= self.AMBIGUITY_MARGIN):
                _, start, end = tokens[i]
                drug = self.drugs[ranked[0][0]]
                found.append((Mention(drug=drug, text=text[start:end], start=start, end=end), ()))
                taken[i] = True
        found.sort(key=lambda item: item[0].start)
        return found
