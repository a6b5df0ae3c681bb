// The benchmark's yardstick: a bare React page that renders one table row, nothing else.
import { createRoot } from 'react-dom/client'

createRoot(document.getElementById('root') as HTMLElement).render(
  <table>
    <tbody>
      <tr>
        <td>Production Pipeline</td>
      </tr>
    </tbody>
  </table>,
)
