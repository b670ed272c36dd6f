"""Builds URLs from the other service's base imported from other_api."""

import requests

from other_api import base_url


def several(ids):
    return requests.get(f"{base_url}/tracks", params={"ids": ",".join(ids)})
