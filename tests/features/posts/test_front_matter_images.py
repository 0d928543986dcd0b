"""Front-matter ``image``/``thumbnail`` paths with no leading ``./`` or ``/``, as MLflow's
Docusaurus blog writes them: looked up beside the post, then in the static folder, and
shown wherever the card is (lists at every depth, dirhtml too), in meta tags, JSON-LD
and feeds."""

from __future__ import annotations

import json
import posixpath
import shutil
from pathlib import Path

import pytest
from sphinx.util.console import strip_escape_sequences

from sphinx_blogposts.reading.local_files import lookup_order
from tests.conftest import blog_warnings, build_copy, card, soup_of

BASE = "https://example.org/site/"
REVIEW = "_static/blogposts/img/blog/2023-year-in-review.png"
BESIDE = "_static/blogposts/blog/2024-01-05-beside/cover.png"


# -- the lookup rule, without a build ------------------------------------------------------


def test_bare_path_is_looked_up_beside_the_post_then_at_the_site_root() -> None:
    doc, static, src = Path("/s/blog/post"), Path("/s/static"), Path("/s")
    assert lookup_order("img/x.png", doc, static, src) == [
        doc / "img/x.png",
        static / "img/x.png",
        src / "img/x.png",
    ]


def test_dot_paths_are_beside_the_post_only() -> None:
    doc, static, src = Path("/s/blog/post"), Path("/s/static"), Path("/s")
    assert lookup_order("./x.png", doc, static, src) == [doc / "./x.png"]
    assert lookup_order("../x.png", doc, static, src) == [doc / "../x.png"]


def test_root_paths_are_in_the_static_folder_then_the_sources() -> None:
    doc, static, src = Path("/s/blog/post"), Path("/s/static"), Path("/s")
    assert lookup_order("/img/x.png", doc, static, src) == [static / "img/x.png", src / "img/x.png"]
    assert lookup_order("/img/x.png", doc, None, src) == [src / "img/x.png"]
    assert lookup_order("img/x.png", doc, None, src) == [doc / "img/x.png", src / "img/x.png"]


def test_without_a_post_only_root_paths_name_files() -> None:
    """An author's avatar (``authors.yml``) has no post to be beside."""
    static, src = Path("/s/static"), Path("/s")
    assert lookup_order("img/x.png", None, static, src) == []
    assert lookup_order("/img/x.png", None, static, src) == [
        static / "img/x.png",
        src / "img/x.png",
    ]


# -- a build -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    return build_copy(tmp_path_factory.mktemp("images"), "frontmatter-images")


def image_warnings(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [w for w in blog_warnings(app) if "[blogposts.image]" in w]


def card_image(path: Path, title: str) -> str | None:
    img = card(soup_of(path), title).select_one(".blogposts-card-image img")
    return img["src"] if img is not None else None


def meta(path: Path, attr: str, name: str) -> str | None:
    found = soup_of(path).find("meta", attrs={attr: name})
    return found["content"] if found else None


def test_bare_thumbnail_is_the_card_image_on_every_list(built) -> None:
    out = Path(built.outdir)
    assert (out / REVIEW).read_bytes() == (
        Path(built.srcdir, "static/img/blog/2023-year-in-review.png").read_bytes()
    )
    index, tag = out / "blog/index.html", out / "blog/tags/mlflow.html"
    assert card_image(index, "2023 Year in Review") == "../" + REVIEW
    assert card_image(tag, "2023 Year in Review") == "../../" + REVIEW
    assert card_image(index, "Deeper in the blog folder") == "../" + REVIEW
    assert card_image(index, "Missing thumbnail") is None


def test_a_file_beside_the_post_comes_before_the_static_folder(built) -> None:
    out = Path(built.outdir)
    assert card_image(out / "blog/index.html", "A cover beside the post") == "../" + BESIDE
    assert (out / BESIDE).read_bytes() == (
        Path(built.srcdir, "blog/2024-01-05-beside/cover.png").read_bytes()
    )
    assert not (out / "_static/blogposts/cover.png").exists()


def test_meta_tags_json_ld_and_feeds_have_the_absolute_url(built) -> None:
    out = Path(built.outdir)
    post = out / "blog/2023-12-31-year-in-review.html"
    assert meta(post, "property", "og:image") == BASE + REVIEW
    assert meta(post, "name", "twitter:image") == BASE + REVIEW
    script = soup_of(post).find("script", type="application/ld+json")
    assert json.loads(script.string)["image"] == [BASE + REVIEW]
    deep = out / "blog/2024/03/2024-03-01-deep.html"
    assert meta(deep, "property", "og:image") == BASE + REVIEW
    feed = json.loads((out / "blog/feed.json").read_text(encoding="utf-8"))
    images = {item["title"]: item.get("image") for item in feed["items"]}
    assert images["2023 Year in Review"] == BASE + REVIEW
    assert images["A cover beside the post"] == BASE + BESIDE
    assert images["Missing thumbnail"] is None


def test_a_path_in_neither_folder_is_one_warning_at_its_line(built) -> None:
    (warning,) = image_warnings(built)
    assert "2024-02-01-missing.md:4:" in warning
    assert "'img/blog/nowhere.png'" in warning
    assert "the post's folder or the static folder" in warning


def test_dirhtml_card_images_load(tmp_path: Path) -> None:
    app = build_copy(tmp_path, "frontmatter-images", builder="dirhtml")
    out = Path(app.outdir)
    for page, title in [
        ("blog/index.html", "2023 Year in Review"),
        ("blog/tags/mlflow/index.html", "2023 Year in Review"),
        ("blog/index.html", "A cover beside the post"),
    ]:
        src = card_image(out / page, title)
        assert src is not None, (page, title)
        # a browser resolves the URL against the page's folder (dirhtml: one per page)
        assert (out / posixpath.normpath(posixpath.join(posixpath.dirname(page), src))).is_file()


def test_a_thumbnail_added_later_is_picked_up(tmp_path: Path) -> None:
    app = build_copy(tmp_path, "frontmatter-images")
    out, src = Path(app.outdir), Path(app.srcdir)
    assert len(image_warnings(app)) == 1
    assert card_image(out / "blog/index.html", "Missing thumbnail") is None
    shutil.copy(src / "static/cover.png", src / "static/img/blog/nowhere.png")
    app = build_copy(tmp_path, "frontmatter-images", fresh=False)
    assert image_warnings(app) == []
    nowhere = "_static/blogposts/img/blog/nowhere.png"
    assert card_image(out / "blog/index.html", "Missing thumbnail") == "../" + nowhere
    assert card_image(out / "blog/tags/mlflow.html", "Missing thumbnail") == "../../" + nowhere
    assert (out / nowhere).is_file()
    post = out / "blog/2024-02-01-missing.html"
    assert meta(post, "property", "og:image") == BASE + nowhere
    # and gone again: the post is read again, and warns again
    (src / "static/img/blog/nowhere.png").unlink()
    app = build_copy(tmp_path, "frontmatter-images", fresh=False)
    assert len(image_warnings(app)) == 1
    assert card_image(out / "blog/index.html", "Missing thumbnail") is None
    assert "Traceback" not in strip_escape_sequences(app.warning.getvalue())
