import tekore as tk

sender = tk.RetryingSender(sender=tk.AsyncSender())
spotify = tk.Spotify(sender=sender, max_limits_on=True)
