/** The admin lists' order and paging controls, in English and Spanish (merged into the admin UI's dictionaries). */

export const listsEn = {
  sortBy: 'Sort by {column}',
  sortedAscending: '{column}, ascending: sort descending',
  sortedDescending: '{column}, descending: sort ascending',
  pageSize: 'Rows per page',
  previousPage: 'Previous',
  nextPage: 'Next',
  pageNumber: 'Page {n}',
  listPager: 'Pages of the list',
};

export const listsEs: Record<keyof typeof listsEn, string> = {
  sortBy: 'Ordenar por {column}',
  sortedAscending: '{column}, ascendente: ordenar de forma descendente',
  sortedDescending: '{column}, descendente: ordenar de forma ascendente',
  pageSize: 'Filas por página',
  previousPage: 'Anterior',
  nextPage: 'Siguiente',
  pageNumber: 'Página {n}',
  listPager: 'Páginas de la lista',
};
