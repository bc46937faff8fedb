// Entry point: tabs, the API key panel, and the three tools.

import { getApiKey, setApiKey } from "./api.js";
import { Chat } from "./chat.js";
import { DrugLookup } from "./drug.js";
import { InteractionChecker } from "./interactions.js";

const TAB_STORAGE = "pharmabot.tab";

function setupTabs() {
  const tabs = Array.from(document.querySelectorAll('[role="tab"]'));
  const select = (tab, { focus = true } = {}) => {
    for (const other of tabs) {
      const selected = other === tab;
      other.setAttribute("aria-selected", String(selected));
      other.tabIndex = selected ? 0 : -1;
      document.getElementById(other.getAttribute("aria-controls")).hidden = !selected;
    }
    sessionStorage.setItem(TAB_STORAGE, tab.id);
    if (focus) tab.focus();
  };
  tabs.forEach((tab, i) => {
    tab.addEventListener("click", () => select(tab));
    tab.addEventListener("keydown", (event) => {
      // WAI-ARIA tabs: arrows move between tabs, Home/End jump to the ends.
      const moves = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 };
      if (!(event.key in moves)) return;
      event.preventDefault();
      select(tabs[(moves[event.key] + tabs.length) % tabs.length]);
    });
  });
  const saved = document.getElementById(sessionStorage.getItem(TAB_STORAGE) || "");
  if (saved && tabs.includes(saved)) select(saved, { focus: false });
}

function setupKeyPanel() {
  const panel = document.getElementById("key-panel");
  const form = document.getElementById("key-form");
  const input = document.getElementById("key-input");
  const status = document.getElementById("key-status");
  const show = () => {
    status.textContent = getApiKey() ? "A key is saved in this browser." : "No key saved.";
  };
  input.value = getApiKey();
  show();
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    setApiKey(input.value.trim());
    show();
  });
  document.getElementById("key-clear").addEventListener("click", () => {
    input.value = "";
    setApiKey("");
    show();
  });
  return (message) => {
    panel.open = true;
    status.textContent = message || "This server needs an API key.";
    input.focus();
  };
}

const onAuthNeeded = setupKeyPanel();
setupTabs();
const chat = new Chat({ onAuthNeeded });
new InteractionChecker({ onAuthNeeded });
new DrugLookup({ onAuthNeeded });
chat.restore();
