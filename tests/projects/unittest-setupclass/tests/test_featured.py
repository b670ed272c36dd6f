"""The featured page, reusing the browse tests' client."""

import unittest

from tests.test_browse import BrowseTest


class FeaturedTest(BrowseTest):
    def test_featured(self):
        page = self.spotify.featured_playlists(limit=5)  # expect: SPT106
        self.assertIn("playlists", page)


if __name__ == "__main__":
    unittest.main()
