SELECT id, light, status, overdue FROM m;
