import { type KeyboardEvent, memo } from 'react';
import type { TransitionEdge } from '../../session/model';
import { type Box, edgeLabelOf, markWidthChars, textWidthPx } from './statechartGeometry';

interface Props {
  edge: TransitionEdge;
  box: Box;
  description: string;
  available: boolean;
  /** Given only when the transition can be taken from here. */
  onTake?: (eventType: string) => void;
}

const baselinePx = 12;

/** A transition's event label; an available one is framed and marked ▸, and is a button when it can be taken. */
export const TransitionLabel = memo(function TransitionLabel({ edge, box, description, available, onTake }: Props) {
  const textX = box.x + 2 + textWidthPx(' '.repeat(markWidthChars));
  const take = onTake
    ? {
        role: 'button',
        tabIndex: 0,
        'aria-label': `Take ${description}`,
        onClick: () => onTake(edge.eventType),
        onKeyDown: (event: KeyboardEvent) => {
          if (event.key !== 'Enter' && event.key !== ' ') return;
          event.preventDefault();
          onTake(edge.eventType);
        },
      }
    : { 'aria-hidden': true };
  return (
    <g
      className={`chart-transition${available ? ' available' : ''}${onTake ? ' takeable' : ''}`}
      data-edge-id={edge.id}
      data-event={edge.eventType}
      data-available={available ? 'true' : undefined}
      {...take}
    >
      <title>{description}</title>
      {available && <rect className="chart-label-frame" x={box.x} y={box.y} width={box.width} height={box.height} rx={3} />}
      {available && (
        <text className="chart-mark" x={box.x + 2} y={box.y + baselinePx}>
          ▸
        </text>
      )}
      <text className="chart-event" x={textX} y={box.y + baselinePx}>
        {edgeLabelOf(edge)}
      </text>
    </g>
  );
});
