"""Parley: read news, code who did what to whom (CAMEO/PLOVER), who says so, and when and where.

    >>> import parley
    >>> events = parley.code("Qatar and Egypt met in Cairo on Monday.", published="2025-03-14")
"""

from parley.coder import Coder, CodingResult, code
from parley.errors import ArticleError, CodingError, DataFileError, InputError, ModelNotInstalled, ParleyError
from parley.types import (
    Actor,
    ActorMention,
    Article,
    Attribution,
    Event,
    Location,
    Speaker,
    TextSpan,
)

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "ActorMention",
    "Article",
    "ArticleError",
    "Attribution",
    "Coder",
    "CodingError",
    "CodingResult",
    "DataFileError",
    "Event",
    "InputError",
    "Location",
    "ModelNotInstalled",
    "ParleyError",
    "Speaker",
    "TextSpan",
    "__version__",
    "code",
]
