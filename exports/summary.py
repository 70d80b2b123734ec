"""The summary for the clinician (page 1) and the patient's photos."""

from __future__ import annotations

import io

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Image, Paragraph, Spacer, Table, TableStyle

from consultprep.models import SCORE_LABELS, Photo
from exports.flowables import ScoreBar
from exports.fonts import safe_text
from exports.pack import NOT_GIVEN, NOT_GIVEN_MARKUP, SHORT_LIMIT, Pack, long_date
from exports.styles import ACCENT, FRAME_HEIGHT, FRAME_WIDTH, LABEL_WIDTH

TOP_LIMIT = 400  # each of the top three must fit on page 1
GOALS_IN_BOX_LIMIT = 700  # longer goals get their own section (a table cell cannot split)
PHOTO_GAP = 12.0
PHOTO_WIDTH = (FRAME_WIDTH - 2 * PHOTO_GAP) / 2
PHOTO_HEIGHT = FRAME_HEIGHT * 0.36


def clinician_page(pack: Pack) -> None:
    """Page 1: who and what, the patient's priorities, then the clinical details.

    Health (medicines, allergies, conditions) comes before scores and past treatments, so
    that if a full draft runs over the page, what matters for safety is still on page 1.
    """
    s = pack.story
    title = pack.para("My skin consultation", "title")
    head = Table(
        [[title, pack.para("FOR THE CLINICIAN", "kicker_right")]],
        colWidths=[FRAME_WIDTH * 0.7, FRAME_WIDTH * 0.3],
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
    s.append(
        pack.para(
            "Prepared with ConsultPrep before my appointment. <b>This is not medical advice.</b>",
            "lead",
        )
    )
    s.append(details_box(pack))
    top_three(pack)  # before the details, so it is always on page 1
    problem(pack)
    health(pack)
    scores(pack)
    tried(pack)
    if not _goals_in_box(pack):
        s.append(pack.heading("What matters most to me", "h2", bookmark=False))
        s.append(pack.para(pack.user(pack.draft.about.goals), "body"))


def problem(pack: Pack) -> None:
    about = pack.draft.about
    pack.story.append(pack.heading("The skin problem", "h2", bookmark=False))
    pack.field("Where on the body", about.body_area)
    pack.field("How long", about.duration)
    pack.field("Main symptoms", about.symptoms)


def health(pack: Pack) -> None:
    about = pack.draft.about
    pack.story.append(pack.heading("My health", "h2", bookmark=False))
    pack.field("Medicines I take", about.medicines)
    pack.field("Allergies", about.allergies)
    labels = {c.id: c.label for c in pack.library.conditions}
    conditions = [safe_text(labels[c]) for c in about.conditions if c in labels]
    other = pack.user(about.other_conditions)
    if other:
        conditions.append(other)
    markup = "; ".join(conditions) or NOT_GIVEN_MARKUP
    pack.story.append(pack.para(markup, "field", bulletText="Other conditions"))


def scores(pack: Pack) -> None:
    s = pack.story
    s.append(
        pack.para(
            'How much it bothers me <font name="DejaVuSans" size="9.5" color="#4A4A4A">'
            "(0 = not at all, 10 = the worst it could be)</font>",
            "h2",
        )
    )
    answered = pack.draft.about.scores.answered()
    if not answered:
        s.append(pack.para(NOT_GIVEN, "small"))
        return
    rows = [
        [
            pack.para(SCORE_LABELS.get(key, key), "label"),
            ScoreBar(value),
            pack.para(f"<b>{value}</b> / 10", "box"),
        ]
        for key, value in answered.items()
    ]
    table = Table(rows, colWidths=[LABEL_WIDTH, 150, 60], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
                ("LEFTPADDING", (2, 0), (2, -1), 10),
            ]
        )
    )
    s.append(table)


def tried(pack: Pack) -> None:
    s = pack.story
    s.append(pack.heading("Treatments I have tried", "h2", bookmark=False))
    tried = [
        t for t in pack.draft.about.treatments_tried if t.name.strip() or t.how_it_went.strip()
    ]
    for t in tried:
        name = pack.user(t.name, SHORT_LIMIT) or "A treatment"
        how = pack.user(t.how_it_went)
        text = f"<b>{name}</b>" + (f" — {how}" if how else "")
        s.append(pack.para(text, "bullet", bulletText="•"))
    if not tried:
        s.append(pack.para("None listed", "small"))


def details_box(pack: Pack) -> Table:
    """Who, when and what: two items a row, the concern across the whole box."""
    draft, about = pack.draft, pack.draft.about

    def label(text: str) -> Paragraph:
        return pack.para(text, "label")

    rows: list[list[object]] = []
    spans: list[int] = []  # rows whose value runs across the whole box
    first: list[object] = []
    name = pack.user(about.patient_name, SHORT_LIMIT)
    if name:
        first += [label("Patient"), pack.para(name, "box")]
    if about.appointment_date:
        first += [label("Appointment"), pack.para(long_date(about.appointment_date), "box")]
    if len(first) == 2:
        spans.append(len(rows))
    if first:
        rows.append(first + [""] * (4 - len(first)))
    clinician = pack.user(about.clinician, SHORT_LIMIT)
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
    label_w = 34 * mm
    value_w = FRAME_WIDTH / 2 - label_w
    table = pack.box(rows, col_widths=[label_w, value_w, label_w, value_w])
    table.setStyle(TableStyle([("SPAN", (1, n), (3, n)) for n in spans]))
    return table


def _goals_in_box(pack: Pack) -> bool:
    """Short goals share the box with the top three (a table cell cannot split)."""
    return len(pack.draft.about.goals.strip()) <= GOALS_IN_BOX_LIMIT


def top_three(pack: Pack) -> None:
    """The patient's priorities box: what matters most, and the top three questions."""
    rows: list[list[object]] = []
    if _goals_in_box(pack):
        goals = pack.user(pack.draft.about.goals)
        rows.append([pack.para("What matters most to me", "h3_box")])
        rows.append([pack.para(goals or NOT_GIVEN, "box" if goals else "box_small")])
    rows.append([pack.para("My top three questions", "h3_box")])
    top = pack.draft.top_questions()
    for n, item in enumerate(top, 1):
        text = pack.user(item.text, TOP_LIMIT)
        rows.append([pack.para(text, "top_item", bulletText=f"{n}.")])
    if not top:
        rows.append([pack.para("I have not chosen my top questions.", "box_small")])
    table = pack.box(rows, border=ACCENT)
    pack.story += [Spacer(1, 8), table, Spacer(1, 2)]


# --- photos -------------------------------------------------------------------------
def photos(pack: Pack) -> None:
    """The patient's photos, two to a row, oldest first, each with caption and date."""
    photos = [p for p in pack.draft.photos_by_date() if p.data]
    if not photos:
        return
    s = pack.story
    s.append(CondPageBreak(FRAME_HEIGHT * 0.5))
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
        s.append(pack.para(f"{left_out} photo(s) could not be printed and were left out.", "small"))


def photo_cell(pack: Pack, photo: Photo) -> list[Flowable] | None:
    """A photo scaled to its cell, with its caption; None if the image cannot be read."""
    size = _image_size(photo.data)
    if size is None:
        return None
    width, height = size
    scale = min(PHOTO_WIDTH / width, PHOTO_HEIGHT / height)
    image = Image(io.BytesIO(photo.data), width * scale, height * scale, hAlign="LEFT")
    caption = pack.user(photo.caption, SHORT_LIMIT) or "Photo"
    when = f" — taken {long_date(photo.taken_on)}" if photo.taken_on else ""
    return [image, pack.para(f"<b>{caption}</b>{when}", "photo_caption")]


def _image_size(data: bytes) -> tuple[int, int] | None:
    """Width and height of an image reportlab can embed, or None if it is unreadable."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfbase.pdfutils import readJPEGInfo

    try:
        if data.startswith(b"\xff\xd8"):  # JPEG data is embedded as it is: check its header
            width, height = readJPEGInfo(io.BytesIO(data))[:2]
        else:  # anything else is decoded now, so a broken file cannot fail later
            reader = ImageReader(io.BytesIO(data))
            reader.getRGBData()
            width, height = reader.getSize()
    except Exception:  # noqa: BLE001 - an unreadable photo is left out, never fatal
        return None
    return (width, height) if width > 0 and height > 0 else None


def _link(link: str) -> str:
    """A reference's link; web addresses are clickable."""
    text = safe_text(link, SHORT_LIMIT)
    if link.startswith(("https://", "http://")) and '"' not in link:
        return f'<a href="{text}" color="#1F4E8C">{text}</a>'
    return text
