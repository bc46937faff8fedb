// The chat: streamed answers over POST /api/chat, stop, retry, and the conversation kept across reloads.

import { ApiError, apiJson, errorText, openChat, readEvents } from "./api.js";
import { el, renderAnswer, renderCitations } from "./render.js";

const SESSION_STORAGE = "pharmabot.sessionId";

function newSessionId() {
  // crypto.randomUUID needs a secure context; getRandomValues works on plain http too.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `web-${Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")}`;
}

export class Chat {
  constructor({ onAuthNeeded }) {
    this.onAuthNeeded = onAuthNeeded;
    this.form = document.getElementById("chat-form");
    this.input = document.getElementById("chat-input");
    this.send = document.getElementById("chat-send");
    this.stop = document.getElementById("chat-stop");
    this.count = document.getElementById("chat-count");
    this.formError = document.getElementById("chat-form-error");
    this.transcript = document.getElementById("transcript");
    this.empty = document.getElementById("chat-empty");
    this.controller = null;
    this.sessionId = localStorage.getItem(SESSION_STORAGE) || "";

    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.submit();
    });
    this.input.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        this.submit();
      }
    });
    this.input.addEventListener("input", () => this.updateCount());
    this.stop.addEventListener("click", () => this.controller?.abort());
    document.getElementById("new-chat").addEventListener("click", () => this.reset());
    this.updateCount();
  }

  updateCount() {
    this.count.textContent = `${this.input.value.length} / 500`;
  }

  ensureSession() {
    if (!this.sessionId) {
      this.sessionId = newSessionId();
      localStorage.setItem(SESSION_STORAGE, this.sessionId);
    }
    return this.sessionId;
  }

  /** Show the stored conversation again after a reload. */
  async restore() {
    if (!this.sessionId) return;
    try {
      const body = await apiJson(`/api/sessions/${encodeURIComponent(this.sessionId)}/messages`);
      for (const turn of body.turns) {
        this.addQuestion(turn.message);
        const bubble = this.addAnswer();
        bubble.setIntent(turn.intent);
        bubble.text = turn.answer;
        bubble.citations = turn.citations;
        bubble.finish();
        if (turn.status === "cancelled") bubble.note("Stopped before the answer was finished.");
        else if (turn.status === "failed") bubble.note("This answer could not be finished.");
      }
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) {
        // Erased, expired or from another key: start afresh.
        localStorage.removeItem(SESSION_STORAGE);
        this.sessionId = "";
      } else if (error instanceof ApiError && error.status === 401) {
        this.onAuthNeeded(error.message);
      }
    }
    this.updateEmpty();
  }

  updateEmpty() {
    this.empty.hidden = this.transcript.children.length > 0;
  }

  async reset() {
    this.controller?.abort();
    const old = this.sessionId;
    this.sessionId = "";
    localStorage.removeItem(SESSION_STORAGE);
    this.transcript.replaceChildren();
    this.updateEmpty();
    this.showFormError("");
    if (old) {
      try {
        await apiJson(`/api/sessions/${encodeURIComponent(old)}`, { method: "DELETE" });
      } catch (error) {
        // 404: nothing was stored for it (no question asked yet); anything else is worth saying.
        if (!(error instanceof ApiError && error.status === 404)) this.showFormError(`The old conversation could not be deleted on the server: ${errorText(error)}`);
      }
    }
    this.input.focus();
  }

  showFormError(message) {
    this.formError.textContent = message;
    this.formError.hidden = !message;
  }

  submit() {
    const message = this.input.value.trim();
    if (this.controller) return;
    if (!message) {
      this.showFormError("Please type a question.");
      this.input.focus();
      return;
    }
    this.showFormError("");
    this.input.value = "";
    this.updateCount();
    this.ask(message);
  }

  addQuestion(message) {
    const item = el("li", { cls: "turn question" }, [
      el("span", { cls: "visually-hidden", text: "You asked: " }),
      el("p", { text: message }),
    ]);
    this.transcript.append(item);
    this.updateEmpty();
    return item;
  }

  addAnswer() {
    const bubble = new AnswerBubble();
    this.transcript.append(bubble.item);
    this.updateEmpty();
    return bubble;
  }

  setBusy(busy) {
    this.send.disabled = busy;
    this.stop.hidden = !busy;
    this.transcript.setAttribute("aria-busy", busy ? "true" : "false");
  }

  async ask(message) {
    const question = this.addQuestion(message);
    const bubble = this.addAnswer();
    const controller = new AbortController();
    this.controller = controller;
    this.setBusy(true);
    let finished = false;
    try {
      const response = await openChat({ message, session_id: this.ensureSession() }, controller.signal);
      for await (const { event, data } of readEvents(response)) {
        if (data === "[DONE]") break;
        const payload = JSON.parse(data);
        if (event === "meta") bubble.setIntent(payload.intent);
        else if (event === "token") bubble.append(payload.delta);
        else if (event === "citations") bubble.setCitations(payload.citations);
        else if (event === "done") finished = true;
        else if (event === "error") throw new ApiError(200, payload.code, payload.message);
      }
      if (!finished) throw new ApiError(0, "stream_ended", "The connection closed before the answer was finished.");
      bubble.finish();
    } catch (error) {
      if (error.name === "AbortError") {
        bubble.finish();
        bubble.note("Stopped.");
      } else {
        if (error instanceof ApiError && error.status === 401) this.onAuthNeeded(error.message);
        bubble.fail(errorText(error), () => {
          question.remove();
          bubble.item.remove();
          this.ask(message);
        });
      }
    } finally {
      this.controller = null;
      this.setBusy(false);
    }
  }
}

class AnswerBubble {
  constructor() {
    this.text = "";
    this.citations = [];
    this.body = el("div", { cls: "answer-body" });
    this.badge = el("p", { cls: "emergency-badge", text: "Emergency: get help now", attrs: { hidden: "" } });
    this.sourcesSlot = el("div");
    this.status = el("p", { cls: "answer-status", text: "Looking in the labels…" });
    this.item = el("li", { cls: "turn answer" }, [
      el("span", { cls: "visually-hidden", text: "PharmaBot answered: " }),
      this.badge,
      this.body,
      this.sourcesSlot,
      this.status,
    ]);
    this.item.classList.add("streaming");
  }

  setIntent(intent) {
    if (intent === "emergency") {
      this.item.classList.add("emergency");
      this.badge.hidden = false;
      this.item.setAttribute("role", "alert");
    }
  }

  append(delta) {
    this.text += delta;
    this.status.hidden = true;
    this.render();
  }

  setCitations(citations) {
    this.citations = citations;
    this.render();
  }

  render() {
    renderAnswer(this.body, this.text, this.citations);
    const sources = renderCitations(this.citations);
    this.sourcesSlot.replaceChildren(...(sources ? [sources] : []));
    if (this.text) this.status.hidden = true;
  }

  finish() {
    this.item.classList.remove("streaming");
    this.status.hidden = true;
    this.render();
  }

  note(text) {
    this.item.append(el("p", { cls: "answer-note", text }));
  }

  fail(message, retry) {
    this.finish();
    const button = el("button", { cls: "secondary", text: "Retry", attrs: { type: "button" } });
    button.addEventListener("click", retry);
    this.item.classList.add("failed");
    this.item.append(el("div", { cls: "inline-error", attrs: { role: "alert" } }, [el("p", { text: message }), button]));
  }
}
