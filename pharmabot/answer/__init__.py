"""Answer writers: compose the reply from label passages and engine results."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pharmabot.config import Settings, WriterKind

if TYPE_CHECKING:
    from pharmabot.answer.base import AnswerWriter


def create_writer(settings: Settings) -> AnswerWriter:
    """The writer PHARMABOT_ANSWER_WRITER names; model SDKs are imported only when chosen."""
    if settings.answer_writer is WriterKind.extractive:
        from pharmabot.answer.extractive import ExtractiveWriter

        return ExtractiveWriter()
    from pharmabot.answer.openai_writer import OpenAIWriter

    return OpenAIWriter.from_settings(settings)
