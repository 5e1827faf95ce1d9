// <click-counter label="..."> keeps its button and count inside an open shadow root.
'use strict';
class ClickCounter extends HTMLElement {
  constructor() {
    super();
    this.count = 0;
    const root = this.attachShadow({ mode: 'open' });
    root.innerHTML =
      '<style>:host { display: block; border: 1px solid #999; padding: 0.5em; }</style>' +
      '<h2 part="label"></h2>' +
      '<button type="button">Increment</button> ' +
      '<output aria-label="Count">0</output>';
    root.querySelector('button').addEventListener('click', () => {
      this.count += 1;
      root.querySelector('output').textContent = String(this.count);
    });
  }

  connectedCallback() {
    this.shadowRoot.querySelector('h2').textContent = this.getAttribute('label') || 'Counter';
  }
}
customElements.define('click-counter', ClickCounter);
