"""PDF letters: templates in a small sandboxed language, the facts they are filled from, and the layout."""
