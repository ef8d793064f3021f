"""The moderation queue on a busy network: its lists page, filter and stay within the
moderator's own boards, and the page costs the same number of queries however full it is."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from chorus.common.factories import UserFactory
from plugins.ideas.factories import CommentFactory, IdeaBoardPageFactory, IdeaFactory
from plugins.ideas.models import Idea, Report, Visibility

from .conftest import browser

pytestmark = pytest.mark.django_db

QUEUE = "/admin/ideas/"
START = timezone.now() - timedelta(days=30)


def ideas(board, count, prefix, **fields):
    """``count`` ideas on ``board`` titled "<prefix> 01"…, each sent a minute after the last."""
    return [
        IdeaFactory(
            board=board,
            title=f"{prefix} {n:02d}",
            created_at=START + timedelta(minutes=n),
            **fields,
        )
        for n in range(1, count + 1)
    ]


def test_each_list_shows_25_at_a_time_and_pages_on_its_own(moderator_browser, board):
    ideas(board, 30, "Waiting", visibility=Visibility.PENDING)
    ideas(board, 30, "Public")

    first = moderator_browser.get(QUEUE).text

    assert "Waiting 25" in first and "Waiting 26" not in first
    assert "Public 30" in first and "Public 06" in first and "Public 05" not in first
    assert first.count("Page 1 of 2") == 2
    assert 'href="?waiting_page=2#waiting"' in first
    assert 'href="?ideas_page=2#ideas"' in first

    later = moderator_browser.get(QUEUE, {"waiting_page": 2, "ideas_page": 2}).text

    assert "Waiting 26" in later and "Waiting 25" not in later
    assert "Public 05" in later and "Public 06" not in later
    # Paging back through one list keeps the other where it was.
    assert 'href="?ideas_page=2&amp;waiting_page=1#waiting"' in later
    assert 'href="?waiting_page=2&amp;ideas_page=1#ideas"' in later


def test_page_links_keep_the_filters(moderator_browser, board):
    ideas(board, 30, "Under review", status=Idea.Status.UNDER_CONSIDERATION)
    ideas(board, 3, "Brand new")

    page = moderator_browser.get(QUEUE, {"status": "under_consideration"}).text

    assert "Brand new" not in page
    assert 'href="?status=under_consideration&amp;ideas_page=2#ideas"' in page


def test_a_page_past_the_end_shows_the_last_page(moderator_browser, board):
    ideas(board, 30, "Public")

    page = moderator_browser.get(QUEUE, {"ideas_page": 99}).text

    assert "Page 2 of 2" in page and "Public 01" in page


def test_filtering_by_board(moderator_browser, board, open_board):
    ideas(board, 1, "On appointments", visibility=Visibility.PENDING)
    ideas(open_board, 1, "On the surgery", visibility=Visibility.PENDING)
    on_surgery = ideas(open_board, 1, "Reported on the surgery")[0]
    Report.objects.create(idea=on_surgery, reason="It is an advert")

    appointments = moderator_browser.get(QUEUE, {"board": board.pk}).text
    surgery = moderator_browser.get(QUEUE, {"board": open_board.pk}).text

    assert "On appointments 01" in appointments and "On the surgery" not in appointments
    assert "It is an advert" not in appointments
    assert "On the surgery 01" in surgery and "On appointments" not in surgery
    assert "It is an advert" in surgery


def test_filtering_by_status(moderator_browser, board):
    IdeaFactory(board=board, title="Being looked at", status=Idea.Status.UNDER_CONSIDERATION)
    IdeaFactory(board=board, title="Happening now", status=Idea.Status.TAKEN_FORWARD)
    IdeaFactory(
        board=board,
        title="Too costly",
        status=Idea.Status.NOT_TAKEN_FORWARD,
        status_reason="No budget",
    )
    IdeaFactory(board=board, title="Finished", status=Idea.Status.DONE)
    IdeaFactory(board=board, title="Just in")
    titles = ["Just in", "Being looked at", "Happening now", "Too costly", "Finished"]

    for status, title in zip(Idea.Status.values, titles, strict=True):
        page = moderator_browser.get(QUEUE, {"status": status}).text
        assert [t for t in titles if t in page] == [title], status


def test_filtering_by_visibility(moderator_browser, open_board, idea):
    IdeaFactory(board=open_board, title="Buy my book", visibility=Visibility.HIDDEN)
    IdeaFactory(board=open_board, title="Nonsense", visibility=Visibility.REJECTED)
    IdeaFactory(board=open_board, title="Unread", visibility=Visibility.PENDING)

    hidden = moderator_browser.get(QUEUE, {"visibility": "hidden"}).text
    public = moderator_browser.get(QUEUE, {"visibility": "published"}).text
    pending = moderator_browser.get(QUEUE, {"visibility": "pending"}).text

    assert "Buy my book" in hidden
    assert "Nonsense" not in hidden and "Unread" not in hidden
    assert idea.title in public and "Buy my book" not in public
    assert "Unread" in pending and idea.title not in pending
    assert "No idea matches these filters." in pending
    assert "Nothing waiting for a decision matches these filters." in hidden


def test_searching_titles_descriptions_and_comments(moderator_browser, board, idea):
    IdeaFactory(board=board, title="Late clinics", description="Open the DIALYSIS unit at night")
    IdeaFactory(board=board, title="Hospital parking")
    CommentFactory(
        idea=idea, text="The Saturday minibus would help dialysis patients", visibility="pending"
    )

    found = moderator_browser.get(QUEUE, {"q": "dialysis"}).text
    by_title = moderator_browser.get(QUEUE, {"q": "PARKING"}).text

    assert "Late clinics" in found and "Hospital parking" not in found
    assert "The Saturday minibus" in found
    assert "Hospital parking" in by_title and "Late clinics" not in by_title
    assert "The Saturday minibus" not in by_title


def test_reports_are_filtered_through_what_they_report(moderator_browser, board, idea):
    comment = CommentFactory(idea=idea, text="Call me on 07700 900000")
    Report.objects.create(comment=comment, reason="Personal details")
    Report.objects.create(idea=idea, reason="Off topic")
    IdeaFactory(board=board, title="Another", status=Idea.Status.DONE)

    by_words = moderator_browser.get(QUEUE, {"q": "07700"}).text
    by_status = moderator_browser.get(QUEUE, {"status": "done"}).text

    assert "Personal details" in by_words and "Off topic" not in by_words
    assert "Personal details" not in by_status and "Off topic" not in by_status
    assert "No open report matches these filters." in by_status


@pytest.fixture
def medway_board(make_partnership_site, enable):
    medway = enable("ideas", make_partnership_site("medway-swale.localhost", "Medway and Swale"))
    board = IdeaBoardPageFactory(parent=medway.root_page, title="Medway board")
    IdeaFactory(board=board, title="A Medway idea waiting", visibility=Visibility.PENDING)
    IdeaFactory(board=board, title="A public Medway idea")
    return board


def test_another_site_s_board_cannot_be_chosen(moderator_browser, board, medway_board):
    IdeaFactory(board=board, title="A West Kent idea")

    page = moderator_browser.get(QUEUE, {"board": medway_board.pk})

    assert page.status_code == 200
    assert "Medway" not in page.text
    assert "Select a valid choice" in page.text
    assert "A West Kent idea" in page.text


def test_the_board_filter_offers_only_boards_the_moderator_moderates(
    moderator_browser, board, medway_board
):
    page = moderator_browser.get(QUEUE).text

    assert f'<option value="{board.pk}">' in page
    assert f'value="{medway_board.pk}"' not in page


def test_a_superuser_filters_every_site_s_boards(board, medway_board):
    IdeaFactory(board=board, title="A West Kent idea")
    superuser = browser(UserFactory(is_superuser=True, is_staff=True))

    everything = superuser.get(QUEUE).text
    medway = superuser.get(QUEUE, {"board": medway_board.pk}).text

    assert "A West Kent idea" in everything and "A public Medway idea" in everything
    assert "A public Medway idea" in medway and "A Medway idea waiting" in medway
    assert "A West Kent idea" not in medway
    # Boards on different sites can share a title, so each names its site.
    assert ">Medway board (Medway and Swale)</option>" in everything
    assert ">Getting to appointments (West Kent Health and Care Partnership)</option>" in everything


def test_empty_lists_say_so(moderator_browser, board):
    page = moderator_browser.get(QUEUE).text

    assert "Nothing is waiting for a decision." in page
    assert "There are no open reports." in page
    assert "There are no ideas yet." in page
    assert "Clear the filters" not in page


def test_filters_that_match_nothing_say_so(moderator_browser, idea):
    page = moderator_browser.get(QUEUE, {"q": "helicopter"}).text

    assert "Nothing waiting for a decision matches these filters." in page
    assert "No open report matches these filters." in page
    assert "No idea matches these filters." in page
    assert "Clear the filters" in page


def queue_with(client, board, open_board, count):
    """Add ``count`` waiting ideas, ``count`` public ones each with a waiting comment, and
    a report on each; return how many queries the filtered queue then takes."""
    waiting = ideas(board, count, "Waiting", visibility=Visibility.PENDING)
    public = ideas(open_board, count, "Public")
    for idea in public:
        Report.objects.create(idea=idea, reason="Off topic")
        comment = CommentFactory(idea=idea, visibility=Visibility.PENDING)
        Report.objects.create(comment=comment, reason="Rude")
    for idea in waiting:
        CommentFactory(idea=idea, visibility=Visibility.PENDING)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(QUEUE, {"status": "new", "q": "i"}).status_code == 200
    return len(queries)


def test_the_queue_costs_the_same_few_queries_with_30_ideas(
    moderator, board, open_board, django_assert_max_num_queries
):
    client = browser(moderator)
    client.get(QUEUE)  # warm the per-site caches, as any earlier request would
    with_two = queue_with(client, board, open_board, 1)
    Idea.objects.all().delete()
    queue_with(client, board, open_board, 15)

    with django_assert_max_num_queries(min(with_two, 40)):
        page = client.get(QUEUE, {"status": "new", "q": "i"})

    assert Idea.objects.count() == 30
    assert "Waiting 01" in page.text and "Rude" in page.text and "Public 15" in page.text
