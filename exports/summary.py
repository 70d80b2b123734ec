"""The summary for the clinician (page 1) and the patient's photos."""

from __future__ import annotations

from datetime import date

from reportlab.platypus import CondPageBreak, Flowable, Image, Paragraph, Spacer, Table, TableStyle

from consultprep.dates import birth_text, long_date
from consultprep.labels import health_conditions, offer_text, top_heading
from consultprep.models import SCORE_LABELS, Draft, Photo, TriedTreatment
from exports.flowables import ScoreBar
from exports.fonts import safe_text
from exports.images import embeddable, image_size, left_out_note
from exports.pack import NOT_GIVEN, SHORT_LIMIT, Pack, bare_table, continued_mark
from exports.styles import ACCENT, FRAME_HEIGHT, FRAME_WIDTH, LABEL_WIDTH

TOP_LIMIT = 400  # each of the top three, on page 1
LIST_QUESTION_MOST = 200  # ConsultPrep's own questions are shorter (111 letters at most)
GOALS_LIMIT = 700  # what matters most, on page 1
BAR_WIDTH = 138.0  # the column of a score's bar (the bar is 137.5)
SCORE_PADDING = 10.0  # before the score, after its bar
SCORE_WIDTH = 64.0  # "10 / 10" on one line (at 52 it broke after the "/")
THUMB_HEIGHT = 54.0  # photo thumbnails on page 1 (points, normal print)
PHOTO_GAP = 12.0
PHOTO_WIDTH = (FRAME_WIDTH - 2 * PHOTO_GAP) / 2
PHOTO_HEIGHT = FRAME_HEIGHT * 0.36


def clinician_page(pack: Pack) -> None:
    """Page 1: who and what, the patient's priorities, then the clinical details.

    Built by :func:`exports.page_one.page_one`, which sets a page-1 budget so that long
    text is cut (and continued on page 2) until everything fits on one page.
    """
    s = pack.story
    title = pack.para("My skin consultation", "title")
    large = pack.scale > 1
    kicker = pack.para("FOR THE CLINICIAN", "kicker" if large else "kicker_right")
    # In large print the title needs the whole width, so the kicker goes above it.
    cells = [[kicker], [title]] if large else [[title, kicker]]
    head = Table(
        cells,
        colWidths=[FRAME_WIDTH] if large else [FRAME_WIDTH * 0.7, FRAME_WIDTH * 0.3],
        hAlign="LEFT",
    )
    head.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (1, 0), (1, 0), 6),
            ]
        )
    )
    head.bookmark = "Summary for the clinician"  # type: ignore[attr-defined]
    s.append(head)
    # "for", not "before": a pack is made again after an appointment, for the next one
    lead = "Prepared with ConsultPrep for my appointment. <b>This is not medical advice.</b>"
    s.append(pack.para(lead, "lead"))
    s.append(details_box(pack))
    top_three(pack)  # the patient's priorities first
    readiness(pack)
    problem(pack)
    health(pack)
    beside = scores(pack)  # small photos go beside the scores if there is room
    tried(pack)
    if not beside:
        thumbnails(pack)


def problem(pack: Pack) -> None:
    about = pack.draft.about
    pack.story.append(pack.heading("The skin problem", "h2", bookmark=False))
    pack.field("Where on the body", about.body_area)
    pack.field("How long", about.duration)
    pack.field("Main symptoms", about.symptoms)


def health(pack: Pack) -> None:
    about = pack.draft.about
    pack.story.append(pack.heading("My health", "h2", bookmark=False))
    pack.field("Medicines I take", about.medicines, kind="safety")
    pack.field("Allergies", about.allergies, kind="safety")
    ticked = health_conditions(pack.library, about)
    typed = about.other_conditions.strip()
    # The patient's own words on a line of their own: they often say more about a ticked
    # box ("since March", "type 2"), which is not another condition.
    # What the patient typed about their health is cut last, as medicines are: a carer's
    # "atrial fibrillation" was cut off page 1 on Letter paper.
    pack.field("Health conditions", ticked or typed, kind="whole" if ticked else "safety")
    if ticked and typed:  # ("In my own words" read as vague: a review)
        pack.field("Other health notes", typed, kind="safety")


def scores(pack: Pack) -> bool:
    """The 0-10 scores as bars; True if the photo thumbnails were put beside them."""
    s = pack.story
    s.append(
        pack.para(
            'How much it bothers me <font name="DejaVuSans" '
            f'size="{pack.size(9.5):g}" color="#4A4A4A">'
            "(0 = not at all, 10 = the worst it could be)</font>",
            "h2",
        )
    )
    answered = pack.draft.about.scores.answered()
    if not answered:
        s.append(pack.para(NOT_GIVEN, "small"))
        return False
    rows = [
        [
            pack.para(SCORE_LABELS.get(key, key), "label"),
            ScoreBar(value, cell=pack.size(11.5), gap=pack.size(2.5)),
            pack.para(f"<b>{value}</b> / 10", "box"),
        ]
        for key, value in answered.items()
    ]
    # The bar (137.5 points) fills its column: the three are as wide as the page allows in
    # large print (with 148 and the wider score column they ran past its right edge).
    widths = [pack.size(w) for w in (LABEL_WIDTH, BAR_WIDTH, SCORE_WIDTH)]
    table = Table(rows, colWidths=widths, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), pack.size(1.5)),
                ("BOTTOMPADDING", (0, 0), (-1, -1), pack.size(1.5)),
                ("LEFTPADDING", (2, 0), (2, -1), pack.size(SCORE_PADDING)),
                ("RIGHTPADDING", (1, 0), (1, -1), 0),
            ]
        )
    )
    free = FRAME_WIDTH - sum(widths)
    photos = thumbnail_block(pack, free - pack.size(12), heading=False)
    if photos is None:
        s.append(table)
        return False
    s.append(
        bare_table(
            [[table, photos]],
            [sum(widths), free],
            ("LEFTPADDING", (1, 0), (1, 0), pack.size(12)),
        )
    )
    return True


def tried(pack: Pack) -> None:
    s = pack.story
    s.append(pack.heading("Treatments I have tried", "h2", bookmark=False))
    label = "Treatments I have tried"
    tried = [
        t for t in pack.draft.about.treatments_tried if t.name.strip() or t.how_it_went.strip()
    ]
    shown = tried[: pack.budget.items] if pack.budget else tried
    for t in shown:
        s.append(pack.para(_tried_markup(pack, t, label), "bullet", bulletText="•"))
    if len(shown) < len(tried) or label in pack.overflow:
        pack.overflow.pop(label, None)  # the whole list is printed again, in full
        for t in tried:
            pack.continue_later(label, lambda t=t: _tried_markup(pack, t))
        more = len(tried) - len(shown)
        if more:
            s.append(pack.para(f"… and {more} more{continued_mark()}", "bullet", bulletText="•"))
    if not tried:
        s.append(pack.para("None listed", "small"))


def _tried_markup(pack: Pack, t: TriedTreatment, label: str | None = None) -> str:
    """"**name** — how it went"; cut to the page-1 budget under ``label`` if one is given."""
    if label is None:
        name, how = pack.user(t.name, SHORT_LIMIT), pack.user(t.how_it_went)
    else:
        name = pack.brief(t.name, label, SHORT_LIMIT, "short")
        how = pack.brief(t.how_it_went, label)
    return f"<b>{name or 'A treatment'}</b>" + (f" — {how}" if how else "")


def details_box(pack: Pack) -> Table:
    """Who, when and what: two items a row (one in large print), the concern across."""
    draft, about = pack.draft, pack.draft.about

    def label(text: str) -> Paragraph:
        return pack.para(text, "label")

    rows: list[list[object]] = []
    spans: list[int] = []  # rows whose value runs across the whole box
    first: list[object] = []
    name = pack.brief(about.patient_name, "Patient", SHORT_LIMIT, "short")
    if name:
        first += [label("Patient"), pack.para(name, "box")]
    if about.date_of_birth:
        on = about.appointment_date
        born = birth_text(about.date_of_birth, on, date.today(), short=pack.scale <= 1)
        first += [label("Date of birth"), pack.para(born, "box")]
    if about.appointment_date:
        first += [label("Appointment"), pack.para(long_date(about.appointment_date), "box")]
    # Two items a row; in large print one, so that the values have room.
    per_row = 1 if pack.scale > 1 else 2
    for n in range(0, len(first), 2 * per_row):
        row = first[n : n + 2 * per_row]
        if len(row) == 2:
            spans.append(len(rows))
        rows.append(row + [""] * (4 - len(row)))
    # A carer filled it in: what it says in "I" may be in their words. (Cut as a text, not
    # as a name: a review saw "Susan Ellis-Montgome… (continued on page 2)".)
    helper = pack.brief(about.helper, "Carer or helper", SHORT_LIMIT)
    if helper:
        spans.append(len(rows))
        rows.append([label("Carer or helper"), pack.para(helper, "box"), "", ""])
    clinician = pack.brief(about.clinician, "Clinician", SHORT_LIMIT, "short")
    if clinician:
        spans.append(len(rows))
        rows.append([label("Clinician"), pack.para(clinician, "box"), "", ""])
    concern = pack.library.concern(draft.concern)
    if concern is None:
        text = "<b>No concern chosen</b>"
    else:
        text = f"<b>{safe_text(concern.name)}</b>"
        subtype = concern.subtype(draft.subtype)
        if subtype is not None:
            text += f" — {safe_text(subtype.name)}"
    spans.append(len(rows))
    rows.append([label("Concern"), pack.para(text, "box"), "", ""])
    offered = offer_text(draft, pack.library)
    if offered is not None:
        spans.append(len(rows))
        shown = pack.brief(offered, "Clinic's offer") or NOT_GIVEN
        rows.append([label("Clinic's offer"), pack.para(shown, "box"), "", ""])
    # Its values start where those of the lines under it do (LABEL_WIDTH in), past the padding.
    label_w = pack.size(LABEL_WIDTH - 10)
    value_w = FRAME_WIDTH / 2 - label_w
    given = pack.size(20)  # by the short labels on the right, to their values (a wrapped age)
    table = pack.box(rows, col_widths=[label_w, value_w, label_w - given, value_w + given])
    table.setStyle(TableStyle([("SPAN", (1, n), (3, n)) for n in spans]))
    return table


def top_three(pack: Pack) -> None:
    """The patient's priorities box: what matters most, and the top three questions.

    Both are cut to the page-1 budget (a table cell cannot split across pages).
    """
    rows: list[list[object]] = []
    goals = pack.brief(pack.draft.about.goals, "What matters most to me", GOALS_LIMIT)
    rows.append([pack.para("What matters most to me", "h3_box")])
    rows.append([pack.para(goals or NOT_GIVEN, "box" if goals else "box_small")])
    top = pack.draft.top_questions()
    heading = top_heading(len(top))  # "My top question" over one, not "top three"
    rows.append([pack.para(heading, "h3_box")])
    for n, item in enumerate(top, 1):
        # A question from ConsultPrep's list is short and printed whole; the patient's own
        # (or a list question made long by hand in the file) is cut to the budget.
        ours = item.source != "own" and len(item.text) <= LIST_QUESTION_MOST
        kind = "whole" if ours else "question"
        text = pack.brief(item.text, heading, TOP_LIMIT, kind)
        rows.append([pack.para(text, "top_item", bulletText=f"{n}.")])
    if not top:
        rows.append([pack.para("I have not chosen my top questions.", "box_small")])
    table = pack.box(rows, border=ACCENT)
    pack.story += [Spacer(1, pack.size(8)), table, Spacer(1, pack.size(2))]


def readiness(pack: Pack) -> None:
    """One line: how ready the patient felt to decide, if they did the readiness check."""
    line = readiness_line(pack.draft)
    if line:
        pack.story.append(pack.para(safe_text(line), "readiness"))


def readiness_line(draft: Draft) -> str | None:
    """"Ready to decide: …" from the readiness check before the appointment (plain text).

    None if the check was not taken.
    """
    from consultprep.readiness import is_taken, summary_line

    check = draft.readiness.before
    if not is_taken(check):
        return None
    # How ready the patient feels, said by a carer perhaps (a carer's walk-through).
    helped = " (filled in with a carer's help)" if draft.about.helper.strip() else ""
    return f"Ready to decide: {summary_line(check)}{helped}"


# --- photos -------------------------------------------------------------------------
def photos(pack: Pack) -> None:
    """The patient's photos, two to a row, oldest first, each with caption and date."""
    photos = [p for p in pack.draft.photos_by_date() if p.data]
    if not photos:
        return
    s = pack.story
    s.append(CondPageBreak(pack.frame_height * 0.5))
    s.append(pack.heading("Photos of my skin"))
    s.append(pack.para("Oldest first.", "small"))
    cells = [cell for photo in photos if (cell := photo_cell(pack, photo)) is not None]
    for n in range(0, len(cells), 2):
        pair = cells[n : n + 2]
        row = Table(
            [pair + [""] * (2 - len(pair))],
            colWidths=[PHOTO_WIDTH + PHOTO_GAP, PHOTO_WIDTH + PHOTO_GAP],
            hAlign="LEFT",
        )
        row.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), PHOTO_GAP),
                    ("TOPPADDING", (0, 0), (-1, -1), 4),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 10),
                ]
            )
        )
        s.append(row)
    left_out = len(photos) - len(cells)
    if left_out:
        s.append(pack.para(left_out_note(left_out), "small"))


def thumbnails(pack: Pack) -> None:
    """Small photos in one row on page 1, under their own heading."""
    block = thumbnail_block(pack, FRAME_WIDTH, heading=True)
    if block is not None:
        pack.story += block


def thumbnail_block(pack: Pack, max_width: float, heading: bool) -> list[Flowable] | None:
    """Small photos in one row no wider than ``max_width``, with a line saying where the
    larger ones are; None if there are no photos or not even one fits.

    As many as the page-1 budget allows are shown, oldest first.
    """
    photos = [p for p in pack.draft.photos_by_date() if p.data]
    limit = pack.budget.photos if pack.budget else len(photos)
    height = pack.size(THUMB_HEIGHT)
    gap = pack.size(6)
    cells: list[Image] = []
    used = 0.0
    for photo in photos:
        size = image_size(photo.data)
        if size is None:
            continue
        width = size[0] * height / size[1]
        if width > height * 2:  # a very wide photo is shrunk to keep the row tidy
            width, height_here = height * 2, size[1] * height * 2 / size[0]
        else:
            height_here = height
        if len(cells) == limit or used + width > max_width:
            break
        image = embeddable(photo.data, width, height_here)
        if image is None:
            continue
        used += width + gap
        cells.append(image)
    if not cells:
        return None
    row = bare_table(
        [list(cells)],
        [c.drawWidth + gap for c in cells],
        ("RIGHTPADDING", (0, 0), (-1, -1), gap),
        valign="BOTTOM",
    )
    shown = len(cells)
    more = "" if shown == len(photos) else f" ({shown} of {len(photos)} shown here)"
    note = pack.para(f"Larger photos, with their dates, are later in this pack{more}.", "small")
    if heading:
        return [pack.heading("Photos", "h2", bookmark=False), row, note]
    return [pack.para("Photos", "label"), Spacer(1, pack.size(2)), row, note]


def photo_cell(pack: Pack, photo: Photo) -> list[Flowable] | None:
    """A photo scaled to its cell, with its caption; None if the image cannot be read."""
    size = image_size(photo.data)
    if size is None:
        return None
    width, height = size
    scale = min(PHOTO_WIDTH / width, PHOTO_HEIGHT / height)
    image = embeddable(photo.data, width * scale, height * scale)
    if image is None:
        return None
    caption = pack.user(photo.caption, SHORT_LIMIT) or "Photo"
    when = f" — taken {long_date(photo.taken_on)}" if photo.taken_on else ""
    return [image, pack.para(f"<b>{caption}</b>{when}", "photo_caption")]


def _link(link: str) -> str:
    """A reference's link; web addresses are clickable."""
    text = safe_text(link, SHORT_LIMIT)
    if link.startswith(("https://", "http://")) and '"' not in link:
        return f'<a href="{text}" color="#1F4E8C">{text}</a>'
    return text
