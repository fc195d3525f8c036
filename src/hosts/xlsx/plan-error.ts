/** A plan that would write over a sheet the product does not own: nothing is changed (both writers throw it). */
export class PlanError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PlanError';
  }
}
