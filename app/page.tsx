import { redirect } from "next/navigation";
import { getActor } from "@/app/_lib/session";

export default async function Home() {
  redirect((await getActor()) ? "/dashboard" : "/login");
}
