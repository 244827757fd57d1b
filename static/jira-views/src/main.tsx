// Entry of the Jira views bundle: placeholder until the views land.
import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root')!).render(<p>Ownership Map — Jira views</p>);
