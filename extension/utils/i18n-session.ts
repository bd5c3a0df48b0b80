/** The sign-in form's "stay signed in" texts, in English and Spanish: spread into the tables of i18n.ts. */
export const sessionEn = {
  staySignedIn: 'Stay signed in',
  staySignedInHint: 'Sign in again by itself after the browser restarts (30 days). Leave it off on a shared computer.',
};

export const sessionEs: Record<keyof typeof sessionEn, string> = {
  staySignedIn: 'Mantener la sesión iniciada',
  staySignedInHint:
    'Volver a iniciar sesión solo al reiniciar el navegador (30 días). Déjelo desmarcado en un equipo compartido.',
};
