// The workshop themes' codes and labels, without zod, so that the portal's catalogue (first page,
// size budget) can offer the theme filter; `workshopThemes` in workshop.ts is built from them.
export const WORKSHOP_THEME_ITEMS = [
  { value: "screens", label: "Les écrans à la maison" },
  { value: "social_networks", label: "Réseaux sociaux" },
  { value: "cyberbullying", label: "Cyberharcèlement" },
  { value: "school_tools", label: "Outils scolaires (Pronote, ÉduConnect…)" },
  { value: "parental_control", label: "Contrôle parental" },
  { value: "video_games", label: "Jeux vidéo" },
  { value: "other", label: "Autre thème" },
] as const;
