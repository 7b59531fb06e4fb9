import subprocess
import sys

import briefer


def test_public_api_is_pinned():
    assert briefer.__all__ == [
        "__version__",
        "BrieferError",
        "Briefing",
        "Document",
        "build_briefing",
        "load_documents",
        "load_profile",
        "save",
    ]
    for name in briefer.__all__:
        assert getattr(briefer, name) is not None


def test_import_briefer_does_not_load_heavy_libraries():
    code = (
        "import sys, briefer, briefer.cli; "
        "heavy = [m for m in ('torch', 'transformers', 'docx', 'trafilatura', 'nltk') "
        "if m in sys.modules]; print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_unknown_attribute_raises_attribute_error():
    try:
        briefer.no_such_thing  # noqa: B018
    except AttributeError as error:
        assert "no_such_thing" in str(error)
    else:
        raise AssertionError("expected AttributeError")
