import type { ComponentProps } from "react";

// Dense, scannable tables: small type, tight rows, a hover tint, numbers aligned right by the caller.
export function Table({ className = "", ...props }: ComponentProps<"table">) {
  return (
    <div className="overflow-x-auto rounded border border-slate-200 bg-white">
      <table className={`w-full border-collapse text-left text-sm ${className}`} {...props} />
    </div>
  );
}

export function THead(props: ComponentProps<"thead">) {
  return <thead className="border-b border-slate-200 bg-slate-50 text-xs font-medium text-slate-600" {...props} />;
}

export function TH({ className = "", ...props }: ComponentProps<"th">) {
  return <th scope="col" className={`px-3 py-2 font-medium whitespace-nowrap ${className}`} {...props} />;
}

export function TR({ className = "", ...props }: ComponentProps<"tr">) {
  return <tr className={`border-b border-slate-100 last:border-0 hover:bg-slate-50 ${className}`} {...props} />;
}

export function TD({ className = "", ...props }: ComponentProps<"td">) {
  return <td className={`px-3 py-2 align-top text-slate-800 ${className}`} {...props} />;
}
