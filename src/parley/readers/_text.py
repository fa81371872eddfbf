"""Plain text files, one article each."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Iterator

from parley.errors import InputError
from parley.readers._common import published_option, text_article
from parley.types import Article


def read_text_files(
    paths: Iterable[str | os.PathLike[str]], *, published: dt.date | str | None = None
) -> Iterator[Article | InputError]:
    """Yield one `Article` per plain text file (id = the file name), or an `InputError` for each bad file.

    Files must be UTF-8 (a byte-order mark is allowed). Binary files (any NUL byte), undecodable,
    missing, unreadable or empty files become errors and the other files are still read.

    Args:
        paths: the files to read.
        published: the date given to every article (a date or an ISO string), or None.

    Raises:
        InputError: `published` is not a valid date.
    """
    date = published_option(published)
    seen: set[str] = set()
    for path in paths:
        source = os.fspath(path)
        article_id = os.path.basename(source)
        try:
            with open(path, "rb") as fp:
                data = fp.read()
        except OSError as e:
            yield InputError(f"cannot read file: {e.strerror or e}", source=source)
            continue
        item = text_article(data, article_id=article_id, source=source, published=date)
        if isinstance(item, Article):
            if item.id in seen:
                item = InputError(
                    "another file with the same name was already read; rename one of them",
                    source=source,
                    article_id=article_id,
                )
            else:
                seen.add(item.id)
        yield item
