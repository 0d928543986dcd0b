"""Related posts: the posts sharing the most tags, newest first on ties, never hidden ones."""

from __future__ import annotations

import random
from pathlib import Path

from sphinx_blogposts.writing.view.related import best
from tests.conftest import blog_warnings, soup_of


def related(app, name: str) -> list[str]:  # type: ignore[no-untyped-def]
    soup = soup_of(Path(app.outdir, name))
    block = soup.select(".blogposts-related")
    if not block:
        return []
    assert (
        len(block) == 1
        and block[0].select_one(".blogposts-related-title").get_text() == "Related posts"
    )
    return [a.get_text() for a in block[0].select("li a")]


def test_more_shared_tags_first_then_newer(shared_build):
    app = shared_build("paginated-blog")
    # post 7 is tagged odd and group-1: 13 and 1 share both; of the posts sharing one,
    # 11 (odd) is the newest
    assert related(app, "blog/2024-02-08-post-7.html") == [
        "Post number 13",
        "Post number 1",
        "Post number 11",
    ]
    link = soup_of(Path(app.outdir, "blog/2024-02-08-post-7.html")).select_one(
        ".blogposts-related a"
    )
    assert link["href"] == "2024-04-14-post-13.html"


def test_never_the_post_itself_a_draft_or_an_unlisted_post(shared_build):
    app = shared_build("series")
    # every Deep Dive part is tagged "internals", as are the draft and the unlisted part
    assert related(app, "blog/2024-01-05-rest-part.html") == [
        "Deep dive, the reader",
        "Deep dive, the writer",
        "Deep dive, the introduction",
    ]
    for name in ("2024-01-01-intro", "2024-01-20-second", "2024-02-01-draft-part"):
        shown = related(app, f"blog/{name}.html")
        assert shown and not any("draft" in t or "unlisted" in t for t in shown), shown
    assert related(app, "blog/2024-04-01-bad-series.html") == []  # no tags: no list


def test_zero_turns_related_posts_off(shared_build):
    app = shared_build(
        "paginated-blog", "html", confoverrides={"blogposts_related": 0, "blogposts_drafts": True}
    )
    out = Path(app.outdir)
    assert not any("blogposts-related" in p.read_text() for p in out.rglob("*.html"))


def test_count_is_the_most_shown(shared_build):
    app = shared_build("paginated-blog", confoverrides={"blogposts_related": 1})
    assert related(app, "blog/2024-02-08-post-7.html") == ["Post number 13"]


def test_a_bad_count_is_one_warning_and_the_default(shared_build):
    app = shared_build("paginated-blog", confoverrides={"blogposts_related": -1})
    warnings = blog_warnings(app)
    assert len(warnings) == 1 and "blogposts_related = -1 is not valid" in warnings[0]
    assert len(related(app, "blog/2024-02-08-post-7.html")) == 3


def test_best_picks_what_counting_every_pair_picks():
    """Counting shared tags bit by bit, over bit sets, must pick exactly what scoring
    every pair picks, for any number of tags (up to 12: counts of four binary digits)."""
    rng = random.Random(16)
    for _ in range(1000):
        size = rng.randrange(1, 60)
        lists = [
            sorted(rng.sample(range(size), rng.randrange(0, size + 1)))
            for _ in range(rng.randrange(0, 13))
        ]
        own = rng.choice([None, *range(size)])
        count = rng.randrange(1, 6)
        scores: dict[int, int] = {}
        for ranks in lists:
            for rank in ranks:
                scores[rank] = scores.get(rank, 0) + 1
        scores.pop(own, None)  # type: ignore[arg-type]
        expected = sorted(scores, key=lambda r: (-scores[r], r))[:count]
        sets = [sum(1 << rank for rank in ranks) for ranks in lists]
        assert best(sets, own, count) == expected, (lists, own, count)


def test_a_tag_named_twice_counts_once():
    """``tags: [python, Python]`` is one tag: naming it twice must not make a post sharing
    only that tag outrank a newer one sharing one other tag."""
    from sphinx_blogposts.core.model import Post
    from sphinx_blogposts.writing.view.related import related_posts

    p0, p1, p2 = (Post(docname=f"p{i}", title=f"P{i}") for i in range(3))
    tags = {"p0": ["python", "python", "sphinx"], "p1": ["python"], "p2": ["sphinx"]}
    listed = [p0, p2, p1]  # newest first: p2 is newer than p1
    found = related_posts(listed, listed, tags, set(), 2)
    assert [p.docname for p in found["p0"]] == ["p2", "p1"]
