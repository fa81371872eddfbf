import parley

EXPECTED = [
    "Actor", "ActorMention", "Article", "ArticleError", "Attribution", "Coder", "CodingError", "CodingResult",
    "DataFileError", "Event", "InputError", "Location", "ModelNotInstalled", "ParleyError", "Speaker",
    "TextSpan", "__version__", "code",
]


def test_all_is_sorted_and_complete():
    assert parley.__all__ == sorted(parley.__all__)
    assert parley.__all__ == EXPECTED


def test_every_exported_name_exists():
    for name in parley.__all__:
        assert hasattr(parley, name), name
