import { redirect } from "next/navigation";

export default function CoordinatorPage() {
  redirect("/coordinator/applications");
}
