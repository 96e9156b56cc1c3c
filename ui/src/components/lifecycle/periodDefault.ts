// The period a picker opens on comes from the engine (the latest period with data for the
// selection; for running plans the current reporting quarter). The client-side guess is only
// the fallback when the engine cannot answer, from the app's "today" (stores/today.ts), which
// callers pass in: never the browser's clock.
import { defaultPeriod, type PeriodSelection } from '../../api/lifecycle'
import { defaultPeriod as clientGuess } from '../progress/periods'

export async function openingPeriod(selection: PeriodSelection, today: Date): Promise<string> {
  try {
    return (await defaultPeriod(selection)).period
  } catch {
    const guess = clientGuess(today)
    return selection.granularity === 'year' ? guess.slice(0, 4) : guess
  }
}

/** Values for periods after a plan's last year: kept, shown, never judged. */
export function outsidePlan(period: string, lastYear: number | null | undefined): boolean {
  const y = Number(period.slice(0, 4))
  return lastYear != null && Number.isFinite(y) && y > lastYear
}
