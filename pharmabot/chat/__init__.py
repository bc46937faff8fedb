"""Chat: `POST /api/chat` (an answer streamed as Server-Sent Events) and the conversations behind it."""
