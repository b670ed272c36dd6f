"""Play counts as a DataFrame."""

import pandas as pd

df = pd.DataFrame({"track": ["a", "b"], "plays": [3, 5]})
print(df.tracks())
print(df.recommendations())
