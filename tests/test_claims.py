"""The clinic-offer checker: the claim rules, find_claims, the UK checks and the PDF.

No Qt here; the offer page is tested in tests/test_offer_checker.py.
"""

from __future__ import annotations

import io
import re
from datetime import date

import pytest
from pypdf import PdfReader

from consultprep.claims import (
    ClaimRule,
    ClaimRules,
    excerpt,
    find_claims,
    flags_found,
    load_claim_rules,
    loosen_spaces,
)
from consultprep.content import load_library
from consultprep.content_loader import unknown_citations
from consultprep.models import ClinicOffer, Draft
from consultprep.vetting import load_vetting
from exports.pdf import render_pack
from tests.content_checks import (
    MAX_GRADE,
    PROMOTIONAL,
    article_fingerprint,
    fk_grade,
    ngram_hashes,
)

LIBRARY = load_library()
RULES = load_claim_rules()
GENERATED = date(2031, 3, 1)

# Every kind of claim the checker must catch, with the red flag it must point to.
MUST_CATCH = [
    ("We guarantee results", "rf-big-promises"),
    ("100% effective", "rf-big-promises"),
    ("permanent results", "rf-big-promises"),
    ("a cure for eczema", "rf-big-promises"),
    ("it cures scars", "rf-big-promises"),
    ("I was cured", "rf-big-promises"),
    ("helps arthritis, autism, diabetes and stroke", "rf-one-for-all"),
    ("treats over 40 conditions", "rf-one-for-all"),
    ("an FDA registered lab", "rf-registered-not-approved"),
    ("made in an FDA approved facility", "rf-registered-not-approved"),
    ("95% success", "rf-big-promises"),
    ("the keloid will not come back", "rf-big-promises"),
    ("please decide quickly", "rf-pressure"),
    ("safe in pregnancy", "rf-big-promises"),
    ("results in 2 weeks", "rf-big-promises"),
    ("resets your immune system", "rf-big-promises"),
    ("our stem cells are FDA approved", "rf-registered-not-approved"),
    ("approved by the MHRA", "rf-registered-not-approved"),
    ("listed on clinicaltrials.gov", "rf-registered-not-approved"),
    ("trial registered last year", "rf-registered-not-approved"),
    ("patient testimonials", "rf-stories-not-studies"),
    ("our patients say it works", "rf-stories-not-studies"),
    ("before and after photos", "rf-stories-not-studies"),
    ("limited places", "rf-pressure"),
    ("offer ends Sunday", "rf-pressure"),
    ("book today", "rf-pressure"),
    ("exosome booster", "rf-exosome-facial"),
    ("stem cell facial", "rf-exosome-facial"),
    ("pay to join our study", "rf-pay-for-trial"),
    ("a trial fee applies", "rf-pay-for-trial"),
]


def _pdf_text(draft: Draft) -> str:
    reader = PdfReader(io.BytesIO(render_pack(draft, LIBRARY, GENERATED)))
    return " ".join(" ".join(p.extract_text() for p in reader.pages).split())


# --- the rules -------------------------------------------------------------------------------
def test_every_rule_points_to_a_real_red_flag() -> None:
    flag_ids = {f.id for f in LIBRARY.red_flags}
    assert {r.red_flag for r in RULES.rules} <= flag_ids
    assert len({r.id for r in RULES.rules}) == len(RULES.rules)


@pytest.mark.parametrize("rule", RULES.rules, ids=lambda r: r.id)
def test_rule_examples(rule: ClaimRule) -> None:
    missed = [e for e in rule.true_examples if not rule.matches(e)]
    assert not missed, f"{rule.id} should match: {missed}"
    wrong = [(e, rule.regex.search(e)[0]) for e in rule.false_examples if rule.matches(e)]
    assert not wrong, f"{rule.id} should not match: {wrong}"


def test_no_false_example_matches_any_rule() -> None:
    for rule in RULES.rules:
        for example in rule.false_examples:
            assert not find_claims(example, RULES), (rule.id, example)


@pytest.mark.parametrize(("text", "flag"), MUST_CATCH)
def test_the_claims_the_checker_must_catch(text: str, flag: str) -> None:
    assert flag in flags_found(find_claims(text, RULES)), text


def test_patterns_have_no_nested_repeats() -> None:
    # A group that repeats something repeatable, like (a+)+ or (\s*x)*, can take exponential
    # time on a long paste.
    nested = re.compile(r"\((?:[^()\\]|\\.)*[+*](?:[^()\\]|\\.)*\)[+*]")
    bad = [p for r in RULES.rules for p in r.patterns if nested.search(loosen_spaces(p))]
    assert not bad
    assert nested.search(r"(a+)+") and nested.search(r"(?:\s*x)*")  # the check has teeth


def test_a_bad_pattern_fails_when_loaded() -> None:
    with pytest.raises(ValueError, match="not a valid expression"):
        ClaimRule(
            id="x", red_flag="y", patterns=["(unclosed"], true_examples=["a"], false_examples=["b"]
        )


def test_spaces_in_patterns_match_any_whitespace() -> None:
    assert loosen_spaces("a b ?c[ ]d") == r"a\s+b\s*c[ ]d"
    assert loosen_spaces(r"a\ b") == r"a\ b"
    assert find_claims("PERMANENT\n   results", RULES)


# --- find_claims -------------------------------------------------------------------------------
def test_matches_have_spans_rules_and_flags_in_text_order() -> None:
    text = "Book today! Results guaranteed. Not secure? A cure."
    matches = find_claims(text, RULES)
    assert [m.phrase(text) for m in matches] == ["Book today", "guaranteed", "cure"]
    assert [m.red_flag for m in matches] == ["rf-pressure", "rf-big-promises", "rf-big-promises"]
    first = matches[0]
    assert (first.start, first.end, first.rule_id) == (0, 10, "claim-urgency")
    assert flags_found(matches) == ["rf-pressure", "rf-big-promises"]
    assert find_claims("", RULES) == []
    assert len(find_claims("guaranteed " * 50, RULES, limit=5)) == 5


def test_a_price_sentences_after_the_stem_cells_is_quoted_alone() -> None:
    """Only the price is highlighted and quoted (a pattern's group "shown"), not the
    sentences between it and the stem cells it is for."""
    text = "Stem cell therapy in Cyprus. Heals in weeks! Package €8,400 incl. flights."
    (match,) = [m for m in find_claims(text, RULES) if m.rule_id == "claim-priced-package"]
    assert match.phrase(text) == "Package €8,400"
    assert text[match.start : match.end] == "Package €8,400"


def test_one_price_found_by_two_rules_is_one_phrase() -> None:
    """(It was counted, highlighted and quoted twice: a diff review.)"""
    text = "Stem cell therapy: package €8,400"
    paying = [m for m in find_claims(text, RULES) if m.red_flag == "rf-pay-for-trial"]
    assert [m.phrase(text) for m in paying] == [text]


def test_patterns_that_cannot_be_used_together_fail_when_loaded() -> None:
    with pytest.raises(ValueError, match="cannot be used together"):
        ClaimRule(
            id="two-shown",
            red_flag="rf-pressure",
            patterns=["(?P<shown>a)", "(?P<shown>b)"],
            true_examples=["a"],
            false_examples=["c"],
        )


def _rule(rule_id: str, flag: str, pattern: str) -> ClaimRule:
    return ClaimRule(
        id=rule_id, red_flag=flag, patterns=[pattern], true_examples=[pattern], false_examples=["-"]
    )


def test_one_phrase_can_point_to_two_warning_signs() -> None:
    rules = ClaimRules(rules=[_rule("a", "f1", "miracle"), _rule("b", "f2", "miracle cure")])
    matches = find_claims("A miracle cure!", rules)
    assert [(m.rule_id, m.start) for m in matches] == [("a", 2), ("b", 2)]


def test_excerpt_quotes_the_words_around_a_match() -> None:
    text = "Lots of words here first. " * 4 + "We   GUARANTEE\nresults. " + "More after. " * 6
    (match,) = [m for m in find_claims(text, RULES) if m.rule_id == "claim-guarantee-word"]
    before, phrase, after = excerpt(text, match)
    assert phrase == "GUARANTEE"
    assert before.startswith("…") and before.endswith("We ")
    assert after.startswith(" results.") and after.endswith("…")
    short = "Guaranteed."
    assert excerpt(short, find_claims(short, RULES)[0]) == ("", "Guaranteed", ".")


def test_a_100k_paste_is_checked() -> None:
    """Long, awkward pastes must finish: no pattern may backtrack without end (not timed)."""
    examples = " ".join(e for r in RULES.rules for e in r.true_examples)
    triggers = sorted({w.strip(".,!?:;") for w in examples.split()})
    runs = []
    for filler in (" ", "-", "1", "a", " -", "\n", ", and "):
        runs.append("".join(w + filler * 40 for w in triggers))
    for text in (
        "a" * 100_000,
        " " * 100_000,
        "1" * 100_000,
        "1," * 50_000,  # (each digit began a scan to the run's end: 85 s for this)
        "1 " * 50_000,
        "before" + " " * 99_990 + "x",
        ", ".join(["arthritis"] * 10_000),
        ("".join(runs) * 20)[:100_000],
    ):
        assert len(text) >= 99_000
        find_claims(text, RULES)
    repeated = ((examples + " ") * 40)[:100_000]
    assert len(find_claims(repeated, RULES)) > 1_000


# --- the UK checks --------------------------------------------------------------------------
def test_vetting_checks_are_cited_plain_and_complete() -> None:
    vetting = load_vetting()
    assert not unknown_citations(vetting.cited(), LIBRARY)
    text = " ".join(t for c in vetting.checks for t in (c.title, c.what, c.where))
    for must in (
        "Specialist Register",
        "dermatology",
        "CQC",
        "Healthcare Inspectorate Wales",
        "Healthcare Improvement Scotland",
        "RQIA",
        "Human Tissue Authority",
        "MHRA",
        "ISRCTN",
        "ClinicalTrials.gov",
    ):
        assert must in text, must
    texts = [vetting.title, vetting.intro, vetting.abroad_note]
    texts += [t for c in vetting.checks for t in (c.title, c.what, c.where)]
    assert fk_grade(texts) <= MAX_GRADE
    assert not [t for t in texts if PROMOTIONAL.search(t)]
    source = article_fingerprint()
    assert not [t for t in texts if ngram_hashes(t) & source]


# --- the PDF ---------------------------------------------------------------------------------
def _offer_draft(advert: str, flags: list[str] | None = None) -> Draft:
    return Draft(
        concern="scars",
        offer=ClinicOffer(
            offered=True, treatment="Exosomes", advert_text=advert, red_flags=flags or []
        ),
    )


def test_pdf_quotes_what_the_advert_says_and_prints_the_checks() -> None:
    advert = "Spring deal! <b>100%</b> natural exosome facial & Co. " + "Filler words. " * 20
    text = _pdf_text(_offer_draft(advert, ["rf-big-promises"]))
    assert "What the clinic's advert says" in text
    assert "<b>100%</b> natural exosome facial & Co." in text  # printed exactly, not as markup
    assert "An exosome or “stem cell” product sold as safe and proven" in text
    assert "(explained above)" in text  # big promises was ticked, so it is explained once
    assert "How to check a clinic in the UK" in text
    for check in load_vetting().checks:
        assert check.title in text
    assert "Légaré" not in text  # only the sources cited in the pack are listed
    assert "Healthcare Inspectorate Wales. Guidance for applicants" in text


def test_pdf_without_matches_or_advert() -> None:
    text = _pdf_text(_offer_draft("We will talk you through the risks."))
    assert "found none of the phrases it looks for" in text
    assert "How to check a clinic in the UK" in text
    plain = _pdf_text(_offer_draft(""))
    assert "What the clinic's advert says" not in plain
    assert "How to check a clinic in the UK" in plain
    nothing = _pdf_text(Draft(concern="scars"))
    assert "How to check a clinic in the UK" not in nothing


def test_pdf_counts_further_places() -> None:
    far_apart = "".join(f"Guaranteed. Filler words, number {n}. " + "More words. " * 8 for n in range(6))
    text = _pdf_text(_offer_draft(far_apart))
    assert "and 3 more places in the advert" in text
    # near one another, they are one quote
    assert "more places" not in _pdf_text(_offer_draft("Guaranteed. " * 6))


def test_phrases_near_each_other_share_one_quote() -> None:
    """A one-line advert was quoted four times, the same words each time with another phrase
    picked out (a helper's walk through with an exosome-facial advert)."""
    from consultprep.claims import ClaimMatch, quotes

    text = (
        "Facial: turn back the clock! Clinically proven, zero downtime. " + "x " * 60 + "Miracle."
    )
    found = [m for m in find_claims(text, RULES) if m.red_flag == "rf-big-promises"]
    assert len(found) == 4
    first, second = quotes(text, found)
    assert [w for w, matched in first if matched] == [
        "turn back the clock",
        "Clinically proven",
        "zero downtime",
    ]
    assert "".join(w for w, _ in first).startswith("Facial: turn back the clock! Clinically")
    assert [w for w, matched in second if matched] == ["Miracle"]
    assert second[0][0].startswith("…")  # text left out before it
    # Overlapping matches (two rules, one sign) are one piece of bold.
    overlapping = [ClaimMatch(0, 10, "a", "f"), ClaimMatch(5, 15, "b", "f")]
    assert quotes("guaranteed results", overlapping) == [
        [("guaranteed resu", True), ("lts", False)]
    ]


def test_a_quote_stays_short_however_many_phrases_are_close_together() -> None:
    from consultprep.claims import QUOTE_MOST_CHARS, QUOTE_MOST_MATCHES, quotes

    text = "Guaranteed results, miracle cure! " * 100  # 3,400 letters of promises
    found = [m for m in find_claims(text, RULES) if m.red_flag == "rf-big-promises"]
    made = quotes(text, found)
    assert len(made) > 10
    for pieces in made:
        assert sum(matched for _, matched in pieces) <= QUOTE_MOST_MATCHES
        assert len("".join(w for w, _ in pieces)) <= QUOTE_MOST_CHARS + 2 * 45


def test_characters_hidden_inside_words_do_not_hide_a_claim() -> None:
    """A soft hyphen or zero-width space from a web page is read past; the match is placed
    on the text as pasted (for highlighting it there)."""
    text = "Results guaran\u00adteed, a mira\u200bcle!"
    found = find_claims(text, RULES)
    assert [m.phrase(text) for m in found] == ["guaran\u00adteed", "mira\u200bcle"]
    # Direction marks stand between words: they part them (read past, they joined words).
    rtl = "\u0639\u0644\u0627\u062c\u200fguaranteed results, a miracle\u200ecure"
    assert [m.phrase(rtl) for m in find_claims(rtl, RULES)] == ["guaranteed", "miracle", "cure"]


def test_text_mostly_in_other_letters_is_known() -> None:
    from consultprep.claims import not_in_latin_letters

    assert not_in_latin_letters("علاج نهائي مضمون 100% بدون آثار جانبية")
    assert not_in_latin_letters("保证治愈，无副作用，效果永久保持")
    assert not not_in_latin_letters("Garantiert dauerhafte Ergebnisse, ohne Nebenwirkungen")
    assert not not_in_latin_letters("Tiêm tế bào gốc, kết quả đảm bảo")  # Vietnamese: Latin
    assert not not_in_latin_letters("100% 保证")  # too few letters to say


def test_letters_styled_for_social_media_and_odd_spacing_are_read() -> None:
    """A bad-input hunt: "𝗚𝘂𝗮𝗿𝗮𝗻𝘁𝗲𝗲𝗱" (bold letters) and "ＦＲＥＥ" were not read as
    English, and "side  effects" or "FDA" at the end of a line hid a claim."""
    from consultprep.claims import not_in_latin_letters

    bold = "𝗚𝘂𝗮𝗿𝗮𝗻𝘁𝗲𝗲𝗱 𝗿𝗲𝘀𝘂𝗹𝘁𝘀, 𝗻𝗼 𝘀𝗶𝗱𝗲 𝗲𝗳𝗳𝗲𝗰𝘁𝘀"
    found = find_claims(bold, RULES)
    assert [bold[m.start : m.end] for m in found] == ["𝗚𝘂𝗮𝗿𝗮𝗻𝘁𝗲𝗲𝗱", "𝗻𝗼 𝘀𝗶𝗱𝗲 𝗲𝗳𝗳𝗲𝗰𝘁𝘀"]
    assert not not_in_latin_letters(bold)
    wide = "ＧＵＡＲＡＮＴＥＥＤ results and a ﬁxed price"  # full width; a ligature before
    assert [wide[m.start : m.end] for m in find_claims(wide, RULES)] == ["ＧＵＡＲＡＮＴＥＥＤ"]
    for text in ("No side  effects", "No side \neffects", "It is FDA\napproved.", "risk \n free"):
        assert find_claims(text, RULES), text


def test_a_symbol_glued_to_a_claim_does_not_hide_it() -> None:
    """Read as NFKC, "™" became the letters "TM", and "Guaranteed™" one word (a diff review)."""
    for text, phrase in (
        ("Results Guaranteed™ by our doctors", "Guaranteed"),
        ("A Cure™ for MS", "Cure"),
        ("FDA Approved™ therapy", "FDA Approved"),
    ):
        assert [text[m.start : m.end] for m in find_claims(text, RULES)] == [phrase]
