"""Answer writers: compose the reply from label passages and engine results."""
