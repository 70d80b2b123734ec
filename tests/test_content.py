"""The content library is complete, cited, plain, calm and written fresh.

These tests read the bundled TOML (as raw dicts and through ``load_library``) and the example
drafts. They need no Qt. What they share with the other content tests (the texts a patient
reads, the reading grade, the source article's fingerprint) is in ``tests/content_checks.py``.
"""

from __future__ import annotations

import re

import pytest

from consultprep.content import CONCERN_FILES, Concern, Library, load_library
from consultprep.content_links import all_citations
from consultprep.glossary import load_glossary
from consultprep.readiness import load_readiness
from consultprep.vetting import load_vetting
from tests.content_checks import LINK, all_strings, split_sentences


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


# --- the library loads and hangs together --------------------------------------------------


def test_library_loads(library: Library) -> None:
    assert [c.id for c in library.concerns] == [
        name.removeprefix("concern-").removesuffix(".toml") for name in CONCERN_FILES
    ]
    assert library.meta.reviewed_on < library.meta.review_by
    assert "not medical advice" in library.meta.disclaimer.lower()


def test_no_empty_or_blank_strings_anywhere() -> None:
    blank = [path for path, value in all_strings() if not value.strip()]
    assert not blank, f"empty or whitespace-only text at: {blank}"


def test_every_reference_has_a_usable_link(library: Library) -> None:
    bad = [(r.id, r.link) for r in library.references if not LINK.match(r.link)]
    assert not bad, f"links must be a DOI, a PMID or an https URL: {bad}"


def test_every_reference_is_cited(library: Library) -> None:
    cited = {c for _, cites in all_citations(library) for c in cites}
    # The readiness check and the UK vetting checklist cite library references too.
    cited |= {c for _, cites in [*load_readiness().cited(), *load_vetting().cited()] for c in cites}
    cited |= {c for term in load_glossary().terms for c in term.citations}  # the words' meanings
    unused = {r.id for r in library.references} - cited
    assert not unused, f"references that nothing cites: {sorted(unused)}"


def test_every_general_fact_is_cited(library: Library) -> None:
    ref_ids = {r.id for r in library.references}
    assert library.general_facts
    for fact in library.general_facts:
        assert fact.citations and set(fact.citations) <= ref_ids, fact.id


def test_red_flags_ask_questions_that_exist(library: Library) -> None:
    shared = {q.id for q in [*library.core_questions, *library.offer_questions]}
    assert len(library.red_flags) >= 8
    for flag in library.red_flags:
        # Red flags apply whatever the concern, so their questions must be shared ones.
        assert set(flag.question_ids) <= shared, flag.id


def test_every_red_flag_cites_its_source(library: Library) -> None:
    ref_ids = {r.id for r in library.references}
    for flag in library.red_flags:
        assert flag.citations and set(flag.citations) <= ref_ids, flag.id


def test_shared_questions_have_reasons(library: Library) -> None:
    assert len(library.core_questions) >= 9
    assert library.offer_questions
    for q in [*library.core_questions, *library.offer_questions]:
        assert q.text.endswith("?"), q.id
        assert q.why, q.id


# --- each concern is complete and balanced -------------------------------------------------


@pytest.mark.parametrize("concern_id", ["scars", "chronic-wound", "inflammatory", "ageing"])
def test_concern_has_every_kind_of_option(library: Library, concern_id: str) -> None:
    concern = library.concern(concern_id)
    assert concern is not None
    assert len(concern.treatments_of("waiting")) >= 1  # one per kind where the advice differs
    assert len(concern.treatments_of("regenerative")) >= 1
    assert len(concern.treatments_of("established")) >= 1
    assert len(concern.questions) >= 6
    assert len(concern.subtypes) >= 2


@pytest.mark.parametrize("concern_id", ["scars", "chronic-wound", "inflammatory", "ageing"])
def test_each_kind_of_a_concern_sees_every_kind_of_option(
    library: Library, concern_id: str
) -> None:
    """Established care and waiting stand beside the regenerative options for every subtype."""
    from consultprep.evidence import kind_note

    concern = library.concern(concern_id)
    assert concern.for_subtype(None) is concern  # no kind chosen yet: everything
    for subtype in concern.subtypes:
        shown = concern.for_subtype(subtype.id)
        assert shown.treatments_of("regenerative") and shown.treatments_of("established")
        assert shown.treatments_of("waiting")  # two, each named for its kind, for a pressure ulcer
        hidden = [t for t in concern.treatments if t not in shown.treatments]
        assert all(t.for_subtypes and subtype.id not in t.for_subtypes for t in hidden)
        note = kind_note(concern, subtype.id)
        named = [t for t in hidden if t.kind != "waiting"]  # every kind has its own waiting
        assert all(f"“{t.name}”" in note for t in named)
        assert not any(f"“{t.name}”" in note for t in hidden if t.kind == "waiting")
        assert note.startswith("Left out") == bool(named)
    assert kind_note(concern, None) == ""


def test_care_meant_for_another_kind_of_wound_is_left_out(library: Library) -> None:
    wounds = library.concern("chronic-wound")

    def ids(subtype: str) -> set[str]:
        return {t.id for t in wounds.for_subtype(subtype).treatments}

    assert "wound-compression" not in ids("diabetic-foot")  # compression: venous leg ulcers
    assert {"wound-foot-care", "wound-grafts"} <= ids("diabetic-foot")
    assert "wound-compression" in ids("venous-leg") and "wound-foot-care" not in ids("venous-leg")
    # a pressure ulcer has its own usual care and waiting (NICE CG179), not the others' care
    assert {"wound-pressure-care", "wound-waiting-pressure"} <= ids("pressure")
    assert not {"wound-foot-care", "wound-compression", "wound-waiting"} & ids("pressure")
    keloid = library.concern("scars").for_subtype("keloid")
    assert "scars-acne-care" not in {t.id for t in keloid.treatments}


@pytest.mark.parametrize(
    ("for_subtypes", "problem"),
    [
        (["no-such-kind"], "unknown subtype 'no-such-kind'"),
        # the regenerative option is for kind a, the only established care for kind b
        (["b"], "subtype a: no established treatment is shown for it"),
    ],
)
def test_treatments_for_kinds_are_checked_at_load(for_subtypes: list[str], problem: str) -> None:
    from pydantic import ValidationError

    def treatment(tid: str, kind: str, **extra) -> dict:
        level = {"waiting": None, "regenerative": 1, "established": 4}[kind]
        return {
            "id": tid, "name": tid, "kind": kind, "summary": "S.", "uncertain": "U.",
            "citations": ["x"], **({"level": level} if level else {}), **extra,
        }

    raw = {
        "id": "c", "name": "C", "description": "D.", "noun": "c", "normal_repair": "N.",
        "subtypes": [{"id": k, "name": k, "description": "D."} for k in ("a", "b")],
        "treatments": [
            treatment("r", "regenerative", for_subtypes=["a"]),
            treatment("e", "established", for_subtypes=for_subtypes),
            treatment("w", "waiting"),
        ],
        "questions": [{"id": f"q{n}", "text": "Q?", "why": "W."} for n in range(6)],
    }
    with pytest.raises(ValidationError, match=re.escape(problem)):
        Concern.model_validate(raw)


def test_every_treatment_is_placed_and_cited(library: Library) -> None:
    ref_ids = {r.id for r in library.references}
    for concern in library.concerns:
        for t in concern.treatments:
            where = f"{concern.id}/{t.id}"
            if t.kind != "waiting":
                assert t.level is not None, f"{where} needs a level"
            assert t.citations, f"{where} needs a citation"
            assert set(t.citations) <= ref_ids, f"{where} cites an unknown reference"
            assert t.uncertain, f"{where} must say what we do not know"
            # a regulator's warning carries its own source (the alert, the statement)
            assert bool(t.warning_citations) == t.warning, f"{where}: warning and its sources"


#: Words that make a sentence a claim from research or a regulator (which must be cited).
_EVIDENCE_WORDS = re.compile(
    r"\b(trials?|reviews?|stud(y|ies)|FDA|MHRA|NICE|approv\w*|reported|guidance|proven|"
    r"evidence|research|being tested|guidelines?|CQC|safety|healing|slows?|flares?|"
    r"infections? (can )?spreads?)\b",
    re.IGNORECASE,
)


def test_a_reason_to_ask_that_states_research_is_cited(library: Library) -> None:
    """"Why ask" lines are shown on screen and in the PDF: a factual claim carries its source."""
    uncited = [
        f"{q.id}: {q.why}"
        for q in library.all_questions()
        if _EVIDENCE_WORDS.search(q.why) and not q.citations and q.id != "core-studies"
    ]
    assert not uncited, "\n".join(uncited)  # core-studies only says what a good answer names


def test_what_we_dont_know_is_cited_where_it_names_other_research(library: Library) -> None:
    """Its own citations when it names a study not cited for the summary, never the summary's
    again (the PDF marks it with the summary's when it has none of its own: it often speaks of
    the same studies). Or some of the summary's only, when only those back it (the NHS advice on
    moles in the summary of waiting for ageing skin says nothing of how skin ages)."""
    for concern in library.concerns:
        for t in concern.treatments:
            own, summary = set(t.uncertain_citations), set(t.citations)
            assert not own & summary or own < summary, t.id
    ageing = library.concern("ageing")
    assert ageing is not None
    exosomes = next(t for t in ageing.treatments if t.id == "age-exosomes")
    assert exosomes.uncertain_citations == ["bailey2021", "yue2024"]


def test_waiting_gets_as_much_detail_as_treatments(library: Library) -> None:
    """Every kind of every concern sees waiting, named as such, in as many sentences."""
    for concern in library.concerns:
        for kind in [None, *(s.id for s in concern.subtypes)]:
            shown = concern.for_subtype(kind).treatments_of("waiting")
            assert shown, (concern.id, kind)
            for waiting in shown:
                assert waiting.name.startswith("Waiting or doing nothing"), waiting.id
                assert len(split_sentences(waiting.summary)) >= 2
                assert len(split_sentences(waiting.uncertain)) >= 1


def test_chronic_wound_waiting_is_honest_and_fits_the_kind(library: Library) -> None:
    """Waiting is never called safe; NICE's 2-week advice for leg ulcers is given for a leg
    ulcer, and a diabetic foot ulcer is told of its own usual care instead."""
    wound = library.concern("chronic-wound")
    (leg,) = wound.for_subtype("venous-leg").treatments_of("waiting")
    (foot,) = wound.for_subtype("diabetic-foot").treatments_of("waiting")
    (sore,) = wound.for_subtype("pressure").treatments_of("waiting")
    for waiting in (leg, foot, sore):
        assert "not a safe choice" in waiting.summary or "not safe" in waiting.summary
    assert "2 weeks" in leg.summary and "nice-cg168" in leg.citations
    assert "leg ulcer" not in foot.summary and "nice-ng19" in foot.citations
    assert "pressure ulcer" in sore.summary and sore.citations[0] == "nice-cg179"
    assert len(wound.for_subtype(None).treatments_of("waiting")) == 3  # each named by kind
    # When to get help is a list of its own, each sign short, with its sources.
    for waiting in (leg, foot, sore):
        assert waiting.get_help.endswith(" if:") and len(waiting.get_help_signs) >= 3
        assert all(len(sign.split()) <= 10 for sign in waiting.get_help_signs), waiting.id
        assert waiting.get_help_citations, waiting.id
    assert "NHS 111" in foot.get_help and "NHS 111" in sore.get_help
    assert "at once" in foot.get_help and "at once" in sore.get_help


def test_every_summary_has_two_to_four_sentences(library: Library) -> None:
    for concern in library.concerns:
        for t in concern.treatments:
            count = len(split_sentences(t.summary))
            assert 2 <= count <= 4, f"{concern.id}/{t.id} summary has {count} sentences"


def test_question_ids_are_unique_across_everything(library: Library) -> None:
    ids = [q.id for q in library.all_questions()]
    assert len(ids) == len(set(ids))
    assert not [i for i in ids if i.startswith("own-")], "own-N ids belong to the patient"


def test_urgent_signs_and_who_was_studied_are_said(library: Library) -> None:
    """From a clinician's review and a mother's walk-through (2026-12-08): psoriasis has its
    same-day signs and a question about the joints; a fever with a foot ulcer says hospital;
    the eczema stem-cell card says its trials were in adults."""
    inflammatory = library.concern("inflammatory")
    (waiting,) = inflammatory.for_subtype("psoriasis").treatments_of("waiting")
    assert waiting.get_help_signs and waiting.get_help_citations == ["nice-cg153"]
    joints = library.question("infl-q-joints")
    assert joints is not None and joints.citations == ["nice-cg153"]
    (cells,) = inflammatory.for_subtype("eczema").treatments_of("regenerative")
    assert "both were in adults" in cells.uncertain and "children" in cells.uncertain
    (foot,) = library.concern("chronic-wound").for_subtype("diabetic-foot").treatments_of("waiting")
    assert "high temperature, or skin on your foot turns black, go to hospital" in foot.summary
    assert "nice-ng19" in foot.citations
