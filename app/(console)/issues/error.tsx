"use client";

export { default } from "@/app/(console)/error";
