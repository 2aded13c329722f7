"""Markup leaked into the visible text: HTML tags, srcset lists, entities, code, shortcodes."""
