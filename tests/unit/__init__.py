"""Fast tests of the package's pure functions: no Sphinx build, grouped as the package is.

``pytest tests/unit`` runs them alone in a few seconds. The property tests here use
hypothesis, whose pytest plugin marks them ``hypothesis``: the tox matrix leaves them to
the ``slow`` environment, like ``tests/features/posts/test_front_matter_properties.py``.
"""

from __future__ import annotations

import os

from hypothesis import settings

#: Random exploration on developers' machines; the same examples every time in CI (CI=true),
#: so that CI never fails by chance on a case nobody has seen.
PROPERTY = settings(max_examples=100, deadline=None, derandomize=bool(os.environ.get("CI")))
