// The period a picker opens on comes from the engine (the latest period with data for the
// selection; for running plans the current reporting quarter). The client-side guess is only
// the fallback when the engine cannot answer.
import { defaultPeriod, type PeriodScope } from '../../api/lifecycle'
import { defaultPeriod as clientGuess } from '../progress/periods'

export async function openingPeriod(scope: PeriodScope, now: Date = new Date()): Promise<string> {
  try {
    return (await defaultPeriod(scope)).period
  } catch {
    const guess = clientGuess(now)
    return scope.granularity === 'year' ? guess.slice(0, 4) : guess
  }
}

/** Values for periods after a plan's last year: kept, shown, never judged. */
export function outsidePlan(period: string, lastYear: number | null | undefined): boolean {
  const y = Number(period.slice(0, 4))
  return lastYear != null && Number.isFinite(y) && y > lastYear
}
