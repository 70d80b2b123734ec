"""Page 1 for the clinician always fits on one page, whatever the patient typed.

The page is built with a *budget* (how many characters and lines of each field, how many
tried treatments and photo thumbnails). If it does not fit, it is built again with a smaller
budget or smaller type (see :func:`attempts`). Text cut on page 1 ends with "… (continued on
page 2)", and page 2 starts with "Continued from page 1", which prints it in full. As a last
resort the page is drawn smaller rather than spilling over.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from reportlab.platypus import CondPageBreak, Flowable, KeepInFrame, PageBreak
from reportlab.platypus.flowables import _listWrapOn

from exports.pack import Budget, Pack
from exports.styles import FRAME_WIDTH
from exports.summary import clinician_page

#: From generous to tight; the first that fits is used.
BUDGETS = (
    Budget(chars=600, lines=8, short=120, question=400, items=6, photos=4),
    Budget(chars=360, lines=5, short=80, question=260, items=4, photos=4),
    Budget(chars=220, lines=3, short=60, question=170, items=3, photos=3),
    Budget(chars=130, lines=2, short=45, question=110, items=2, photos=2),
    Budget(chars=70, lines=1, short=30, question=70, items=1, photos=2),
    Budget(chars=40, lines=1, short=20, question=45, items=1, photos=2),
)
#: Type sizes page 1 may be printed at, largest first; the last is never gone below.
TYPE_SCALES = (1.4, 1.3, 1.2, 1.1, 1.0, 0.95, 0.9)
CONTINUATION_TITLE = "Continued from page 1"


def attempts(scale: float) -> Iterator[tuple[float, Budget]]:
    """(type scale, budget) pairs to try for page 1, best first.

    Text is cut a little at the pack's own type size, then the type is made smaller step by
    step (large print down to normal, then slightly below) before text is cut harder: on
    the clinician's page, what the patient wrote matters more than the size of the type.
    """
    scales = [scale] + [s for s in TYPE_SCALES if s < scale]
    for s in scales:
        for budget in BUDGETS[:2]:
            yield s, budget
    for budget in BUDGETS[2:]:
        yield scales[-1], budget


def page_one(pack: Pack) -> None:
    """Add page 1 (exactly one page), then the continuation of anything cut on it."""
    start = len(pack.story)
    flowables: list[Flowable] = []
    for scale, budget in attempts(pack.options.scale):
        pack.set_scale(scale)
        flowables = _made(pack, start, budget)
        if fits(flowables, pack.frame_height):
            flowables = _filled(pack, start, budget, flowables)
            break
    pack.budget = None
    pack.set_scale(pack.options.scale)
    del pack.story[start:]
    block = KeepInFrame(FRAME_WIDTH, pack.frame_height, flowables, mode="shrink")
    block.bookmark = "Summary for the clinician"  # type: ignore[attr-defined]
    pack.story += [block, PageBreak()]
    continuation(pack)


#: The parts of a budget given back one at a time, as long as the page still fits: the tried
#: treatments first (a clinician's review saw "… and 2 more" over empty space), then the top
#: questions, names, free text and its lines, and photos.
GIVEN_BACK = ("items", "question", "short", "chars", "lines", "photos")


def _filled(pack: Pack, start: int, budget: Budget, flowables: list[Flowable]) -> list[Flowable]:
    """Page 1 made with ``budget`` (which fits), then with each part of it made as generous
    as an earlier budget's while the page still fits: one tight part no longer cuts every
    text. Returns the flowables of the last page that fitted (``pack.story`` holds them)."""
    if budget == BUDGETS[0]:
        return flowables
    best = budget
    for part in GIVEN_BACK:
        for roomier in reversed(BUDGETS[: BUDGETS.index(budget)]):
            value = getattr(roomier, part)
            if value <= getattr(best, part):
                continue
            trial = replace(best, **{part: value})
            made = _made(pack, start, trial)
            if not fits(made, pack.frame_height):
                break
            best, flowables = trial, made
    if pack.budget != best:  # the last one tried did not fit: make the best one again
        flowables = _made(pack, start, best)
    return flowables


def _made(pack: Pack, start: int, budget: Budget) -> list[Flowable]:
    """Page 1 made again (after ``start`` in the story) with ``budget``; its flowables."""
    del pack.story[start:]
    pack.overflow = {}
    pack.budget = budget
    clinician_page(pack)
    return pack.story[start:]


def fits(flowables: list[Flowable], height: float) -> bool:
    """True if ``flowables`` stacked in the frame are no taller than ``height``.

    Measured the way ``KeepInFrame`` measures them, so "fits" means it will not shrink them.
    """
    _, needed = _listWrapOn(flowables, FRAME_WIDTH, None)
    return needed <= height


def continuation(pack: Pack) -> None:
    """Page 2: the whole of each text that was cut on page 1 (nothing if none was)."""
    if not pack.overflow:
        return
    s = pack.story
    s.append(pack.heading(CONTINUATION_TITLE))
    s.append(
        pack.para("Page 1 was kept to one page. This is the full text of what was cut.", "small")
    )
    for label, paragraphs in pack.overflow.items():
        # Not "keep with next": reportlab would move a heading and a text longer than a page
        # to a new page, leaving a blank one. Room for a few lines is asked for instead.
        heading = pack.heading(label, "h2", bookmark=False)
        heading.keepWithNext = 0  # type: ignore[attr-defined]
        s += [CondPageBreak(pack.size(90)), heading]
        bullet = len(paragraphs) > 1
        for markup in paragraphs:
            if bullet:
                s.append(pack.para(markup(), "bullet", bulletText="•"))
            else:
                s.append(pack.para(markup(), "body"))
