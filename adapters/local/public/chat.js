'use strict';
// Local web chat: posts to /api/local/messages and renders text and neutral cards.
(function () {
  const log = document.getElementById('log');
  const form = document.getElementById('composer');
  const input = document.getElementById('text');
  const locale = document.getElementById('locale');
  const storedUser = localStorage.getItem('logbook-user');
  const user = storedUser || 'local-user';
  localStorage.setItem('logbook-user', user);
  locale.value = localStorage.getItem('logbook-locale') || locale.value;
  locale.addEventListener('change', () => localStorage.setItem('logbook-locale', locale.value));

  function add(kind, text) {
    const item = document.createElement('li');
    item.className = kind;
    item.textContent = text;
    log.appendChild(item);
    item.scrollIntoView({ block: 'end' });
    return item;
  }

  function renderCard(item, card) {
    const box = document.createElement('section');
    box.className = 'card';
    const title = document.createElement('h2');
    title.textContent = card.title;
    box.appendChild(title);
    const facts = document.createElement('dl');
    for (const fact of card.facts) {
      const dt = document.createElement('dt');
      dt.textContent = fact.label;
      const dd = document.createElement('dd');
      dd.textContent = fact.value;
      facts.append(dt, dd);
    }
    box.appendChild(facts);
    for (const action of card.buttons) {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = action.label;
      button.className = action.style === 'danger' ? 'danger' : action.style === 'primary' ? '' : 'secondary';
      button.addEventListener('click', () => send('', action.data, action.label));
      box.appendChild(button);
    }
    item.appendChild(box);
  }

  // Reply files arrive as signed links: images are shown with their description as alt text, files are download links.
  function renderAttachments(item, attachments) {
    for (const attachment of attachments) {
      if (attachment.kind === 'image') {
        const figure = document.createElement('figure');
        figure.className = 'attachment';
        const image = document.createElement('img');
        image.src = attachment.url;
        image.alt = attachment.description;
        image.loading = 'lazy';
        figure.appendChild(image);
        item.appendChild(figure);
        continue;
      }
      const link = document.createElement('a');
      link.className = 'attachment file';
      link.href = attachment.url;
      link.download = attachment.filename;
      link.textContent = attachment.description;
      const name = document.createElement('span');
      name.className = 'filename';
      name.textContent = ' (' + attachment.filename + ')';
      link.appendChild(name);
      item.appendChild(link);
    }
  }

  async function send(text, actionData, shown) {
    add('user', shown || text);
    try {
      const response = await fetch('/api/local/messages', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ text, user, locale: locale.value, actionData: actionData || null, messageId: crypto.randomUUID() }),
      });
      const body = await response.json();
      if (!response.ok) return add('bot', body.error || 'Error ' + response.status);
      for (const reply of body.replies) {
        const item = add('bot', reply.text);
        if (reply.card) renderCard(item, reply.card);
        if (reply.attachments) renderAttachments(item, reply.attachments);
      }
    } catch {
      add('bot', 'The server did not answer. Is it running?');
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    input.value = '';
    send(text);
  });
})();
