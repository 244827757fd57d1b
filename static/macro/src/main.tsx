// Entry of the macro bundle: placeholder until the map UI lands.
import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root')!).render(<p>PM/PO Ownership Map</p>);
