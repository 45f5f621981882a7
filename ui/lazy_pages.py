"""The wizard's pages by id, each built the first time it is needed (start-up builds one)."""

from collections.abc import Callable, Iterator, Mapping, Sequence

from PySide6.QtWidgets import QWidget


class LazyPages(Mapping[str, QWidget]):
    """A read-only mapping page id -> page widget that builds a page on first access and hands
    it to `built(page_id, widget)` (which adds it to the stack and connects its signals).

    `in`, `len` and iteration over the ids build nothing; `built_pages()` lists only the pages
    that exist. Reading `values()` or `items()` builds every page.
    """

    def __init__(self, factories: Sequence[tuple[str, Callable[[], QWidget]]],
                 built: Callable[[str, QWidget], None]) -> None:
        self._factories = dict(factories)
        self._built = built
        self._pages: dict[str, QWidget] = {}

    def __getitem__(self, page_id: str) -> QWidget:
        widget = self._pages.get(page_id)
        if widget is None:
            widget = self._factories[page_id]()  # KeyError for an unknown page, as a dict
            self._pages[page_id] = widget
            self._built(page_id, widget)
        return widget

    def __contains__(self, page_id: object) -> bool:
        return page_id in self._factories

    def __iter__(self) -> Iterator[str]:
        return iter(self._factories)

    def __len__(self) -> int:
        return len(self._factories)

    def built_pages(self) -> dict[str, QWidget]:
        """The pages built so far, by id (in the order they were built)."""
        return dict(self._pages)
